package io.ecomanalytics.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the analytics report as one self-contained HTML file: styles inline, charts embedded as base64 data URIs,
 * no scripts and no network access (a Content-Security-Policy forbids any). Every string from the data is escaped.
 */
public final class HtmlReport {

    private static final Logger LOG = LoggerFactory.getLogger(HtmlReport.class);
    private static final DateTimeFormatter GENERATED_AT = DateTimeFormatter
            .ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { margin: 0; background: #f6f7f9; color: #222; font: 16px/1.5 "DejaVu Sans", "Segoe UI",
                   Helvetica, Arial, sans-serif; }
            main { max-width: 1040px; margin: 0 auto; padding: 24px 20px 48px; }
            h1 { font-size: 28px; margin: 0 0 4px; }
            h2 { font-size: 21px; margin: 36px 0 12px; border-bottom: 1px solid #d5d8dc; padding-bottom: 4px; }
            .generated { color: #555; margin: 0 0 20px; }
            .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
            .figure { background: #fff; border: 1px solid #d5d8dc; border-radius: 6px; padding: 12px 16px; }
            .figure .label { display: block; color: #555; font-size: 14px; }
            .figure .value { display: block; font-size: 26px; font-weight: bold; color: #0072B2;
                             overflow-wrap: anywhere; }
            .figure .detail { display: block; color: #555; font-size: 13px; }
            figure { background: #fff; border: 1px solid #d5d8dc; border-radius: 6px; margin: 0 0 20px;
                     padding: 12px; }
            figure img { display: block; width: 100%; height: auto; }
            figcaption { margin-top: 8px; font-size: 15px; }
            table { border-collapse: collapse; width: 100%; background: #fff; font-size: 15px; }
            th, td { border: 1px solid #d5d8dc; padding: 6px 10px; text-align: left; vertical-align: top; }
            th { background: #eef1f4; }
            td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .empty { color: #555; font-style: italic; }
            """;

    private HtmlReport() {
    }

    /**
     * Writes the report to {@code file} (parent folders are created), replacing any earlier report atomically.
     *
     * @param data   the headline figures, run parameters and top tables
     * @param charts the charts to embed, in display order (as returned by {@link Charts#renderAll})
     * @throws IOException when a chart's PNG cannot be read or the report cannot be written
     */
    public static void write(ReportData data, List<RenderedChart> charts, Path file) throws IOException {
        if (data == null || charts == null || file == null) {
            throw new IllegalArgumentException("HtmlReport.write needs report data, a list of charts (may be empty) "
                    + "and a target file; got data=" + (data == null ? "null" : "present") + ", charts="
                    + (charts == null ? "null" : charts.size()) + ", file=" + file);
        }
        String html = render(data, charts);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = parent.resolve(file.getFileName() + ".partial");
        Files.writeString(partial, html, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Wrote the HTML report with {} charts to {} ({} KiB)", charts.size(), file,
                Files.size(file) / 1024);
    }

    static String render(ReportData data, List<RenderedChart> charts) throws IOException {
        HeadlineFigures headline = data.headline();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("img-src data:; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(data.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(escape(data.title())).append("</h1>\n")
                .append("<p class=\"generated\">Generated ").append(escape(GENERATED_AT.format(data.generatedAt())))
                .append("</p>\n");

        html.append("<section aria-label=\"Headline figures\">\n<div class=\"figures\">\n");
        // Category and daily revenue sum item subtotals; the headline is what customers paid, so say which it is.
        figure(html, "revenue", "Revenue", Formats.wholeCurrency(headline.revenue()),
                "order totals, after discounts");
        figure(html, "orders", "Orders", Formats.count(headline.orders()), "");
        figure(html, "customers", "Customers", Formats.count(headline.customers()), "");
        figure(html, "conversion-rate", "Conversion rate", orNotAvailable(headline.conversionRate(),
                Formats.percent(headline.conversionRate())), Formats.count(headline.convertedSessions()) + " of "
                + Formats.quantity(headline.sessions(), "session", "sessions") + " ended in an order");
        figure(html, "average-order-value", "Average order value", orNotAvailable(headline.averageOrderValue(),
                Formats.currency(headline.averageOrderValue())), "");
        figure(html, "top-category", "Top category", headline.topCategory().isBlank() ? "none"
                : headline.topCategory(), "");
        html.append("</div>\n</section>\n");

        html.append("<h2>Run parameters</h2>\n");
        if (data.runParameters().isEmpty()) {
            empty(html, "No run parameters were recorded.");
        } else {
            html.append("<table>\n<thead><tr><th>Parameter</th><th>Value</th></tr></thead>\n<tbody>\n");
            for (RunParameter parameter : data.runParameters()) {
                html.append("<tr><td>").append(escape(parameter.name())).append("</td><td>")
                        .append(escape(parameter.value())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }

        if (!data.modelChecks().isEmpty()) {
            html.append("<h2>Model checks</h2>\n");
            html.append("<table>\n<thead><tr><th>Check</th><th>Value</th><th>Verdict</th></tr></thead>\n<tbody>\n");
            for (ModelCheck check : data.modelChecks()) {
                html.append("<tr><td>").append(escape(check.name())).append("</td><td>")
                        .append(escape(check.value())).append("</td><td>").append(escape(check.verdict()))
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }

        learnedSegments(html, data.learnedSegments());

        html.append("<h2>Charts</h2>\n");
        if (charts.isEmpty()) {
            empty(html, "No charts were rendered.");
        }
        for (RenderedChart chart : charts) {
            byte[] png;
            try {
                png = Files.readAllBytes(chart.file());
            } catch (NoSuchFileException exception) {
                throw new IOException("Chart " + chart.kind() + " points at " + chart.file() + ", which does not "
                        + "exist; render the charts into a folder that outlives the report step", exception);
            }
            html.append("<figure id=\"").append(escape(chart.kind().name().toLowerCase(Locale.ROOT)))
                    .append("\">\n<img alt=\"").append(escape(chart.title())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\">\n<figcaption>")
                    .append(escape(chart.takeaway())).append("</figcaption>\n</figure>\n");
        }

        topCustomers(html, data.topCustomers());
        topCategories(html, data.topCategories(), headline.revenue());
        topProductPairs(html, data.topProductPairs());
        recommendations(html, data.recommendations());
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void topCustomers(StringBuilder html, List<TopCustomer> customers) {
        html.append("<h2>Top customers by lifetime value</h2>\n");
        if (customers.isEmpty()) {
            empty(html, "No customers were scored.");
            return;
        }
        html.append("<table id=\"top-customers\">\n<thead><tr><th class=\"number\">Rank</th><th>Customer</th>"
                + "<th>Segment</th><th class=\"number\">Orders</th><th class=\"number\">Revenue</th>"
                + "<th class=\"number\">Lifetime value</th></tr></thead>\n<tbody>\n");
        int rank = 1;
        for (TopCustomer customer : customers) {
            html.append("<tr>");
            number(html, Formats.count(rank++));
            text(html, customer.customerId());
            text(html, customer.segment());
            number(html, Formats.count(customer.orders()));
            number(html, Formats.currency(customer.revenue()));
            number(html, Formats.currency(customer.lifetimeValue()));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void learnedSegments(StringBuilder html, List<LearnedSegment> segments) {
        if (segments.isEmpty()) {
            return;
        }
        html.append("<h2>Learned customer segments</h2>\n");
        html.append("<table id=\"learned-segments\">\n<thead><tr><th>Segment</th><th>Profile</th>"
                + "<th class=\"number\">Customers</th><th class=\"number\">Share of revenue</th>"
                + "<th class=\"number\">Mean lifetime value</th></tr></thead>\n<tbody>\n");
        for (LearnedSegment segment : segments) {
            html.append("<tr>");
            text(html, segment.segment());
            text(html, segment.description());
            number(html, Formats.count(segment.customers()));
            number(html, Formats.percent(segment.revenueShare()));
            number(html, Formats.currency(segment.meanLifetimeValue()));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void topCategories(StringBuilder html, List<CategoryRevenue> categories, double totalRevenue) {
        html.append("<h2>Top categories by revenue</h2>\n");
        if (categories.isEmpty()) {
            empty(html, "No category sold anything.");
            return;
        }
        html.append("<table id=\"top-categories\">\n<thead><tr><th class=\"number\">Rank</th><th>Category</th>"
                + "<th>Id</th><th class=\"number\">Revenue</th><th class=\"number\">Share of revenue</th></tr>"
                + "</thead>\n<tbody>\n");
        int rank = 1;
        for (CategoryRevenue category : categories) {
            html.append("<tr>");
            number(html, Formats.count(rank++));
            text(html, category.categoryName());
            text(html, category.categoryId());
            number(html, Formats.wholeCurrency(category.revenue()));
            number(html, totalRevenue > 0 ? Formats.percent(category.revenue() / totalRevenue) : "n/a");
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void topProductPairs(StringBuilder html, List<ProductPair> pairs) {
        html.append("<h2>Products most often bought together</h2>\n");
        if (pairs.isEmpty()) {
            empty(html, "No order contained two different products.");
            return;
        }
        html.append("<table id=\"top-product-pairs\">\n<thead><tr><th class=\"number\">Rank</th><th>Product</th>"
                + "<th>Bought with</th><th class=\"number\">Orders with both</th></tr></thead>\n<tbody>\n");
        int rank = 1;
        for (ProductPair pair : pairs) {
            html.append("<tr>");
            number(html, Formats.count(rank++));
            text(html, productLabel(pair.firstProductName(), pair.firstProductId()));
            text(html, productLabel(pair.secondProductName(), pair.secondProductId()));
            number(html, Formats.count(pair.ordersTogether()));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void recommendations(StringBuilder html, List<CustomerRecommendations> customers) {
        if (customers.isEmpty()) {
            return;
        }
        html.append("<h2>Recommendations for three customers</h2>\n");
        for (CustomerRecommendations customer : customers) {
            html.append("<h3>").append(escape(customer.userId())).append(" <span class=\"detail\">(")
                    .append(escape(customer.model().replace('_', ' '))).append(")</span></h3>\n");
            html.append("<table class=\"recommendations\">\n<thead><tr><th class=\"number\">Rank</th>"
                    + "<th>Product</th><th class=\"number\">Score</th><th>Why</th></tr></thead>\n<tbody>\n");
            for (RecommendedProduct product : customer.products()) {
                html.append("<tr>");
                number(html, Formats.count(product.rank()));
                text(html, productLabel(product.productName(), product.productId()));
                number(html, String.format(Locale.ROOT, "%.4f", product.score()));
                text(html, product.reason());
                html.append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
    }

    private static String productLabel(String name, String id) {
        return name.equals(id) ? id : name + " (" + id + ")";
    }

    private static void figure(StringBuilder html, String id, String label, String value, String detail) {
        html.append("<div class=\"figure\" id=\"").append(id).append("\"><span class=\"label\">")
                .append(escape(label)).append("</span> <span class=\"value\">").append(escape(value))
                .append("</span>");
        if (!detail.isEmpty()) {
            html.append(" <span class=\"detail\">").append(escape(detail)).append("</span>");
        }
        html.append("</div>\n");
    }

    private static void text(StringBuilder html, String value) {
        html.append("<td>").append(escape(value)).append("</td>");
    }

    private static void number(StringBuilder html, String value) {
        html.append("<td class=\"number\">").append(escape(value)).append("</td>");
    }

    private static void empty(StringBuilder html, String message) {
        html.append("<p class=\"empty\">").append(escape(message)).append("</p>\n");
    }

    private static String orNotAvailable(double value, String formatted) {
        return Double.isNaN(value) ? "n/a" : formatted;
    }

    /** Escapes text for element content and quoted attribute values alike. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }
}
