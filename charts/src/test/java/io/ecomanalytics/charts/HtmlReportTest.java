package io.ecomanalytics.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final ChartStyle SMALL = new ChartStyle(640, 400, 1);

    @TempDir
    Path directory;

    @Test
    void headlineFiguresAreFormattedForReaders() throws IOException {
        String html = writeReport(Fixtures.reportData(), List.of());

        assertThat(html)
                .contains("<span class=\"label\">Revenue</span> <span class=\"value\">$4,512,346</span>")
                .contains("<span class=\"label\">Orders</span> <span class=\"value\">45,678</span>")
                .contains("<span class=\"label\">Customers</span> <span class=\"value\">9,876</span>")
                // 58,000 / 2,000,000 = 2.9%; 4,512,345.67 / 45,678 = 98.786 dollars.
                .contains("<span class=\"label\">Conversion rate</span> <span class=\"value\">2.9%</span>")
                .contains("58,000 of 2,000,000 sessions ended in an order")
                .contains("<span class=\"label\">Average order value</span> <span class=\"value\">$98.79</span>")
                .contains("<span class=\"value\">Electronics &amp; &lt;Gadgets&gt;</span>")
                .contains("Generated 26 Nov 2026, 20:15 UTC")
                .contains("<td>Spark master</td><td>local[2]</td>");
    }

    @Test
    void everyStringFromTheDataIsEscaped() throws IOException {
        ReportData data = Fixtures.reportData();
        ReportData hostile = new ReportData("<script>alert(\"title\")</script>", data.generatedAt(),
                data.headline(), List.of(new RunParameter("Input folder", "/data/<b>x</b> & 'y'")),
                List.of(new TopCustomer("<img src=x onerror=alert(1)>", "High value", 1, 10, 20)),
                data.topCategories(), data.topProductPairs(), data.modelChecks(), data.learnedSegments(),
                data.recommendations());

        String html = writeReport(hostile, List.of());

        assertThat(html).doesNotContain("<script").doesNotContain("<img src=x").doesNotContain("<b>x</b>")
                .contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("/data/&lt;b&gt;x&lt;/b&gt; &amp; &#39;y&#39;")
                .contains("USB-C &quot;Fast&quot; Charger (prod_00001)")
                .contains("<td>prod_00003</td>")
                .contains("Kettle &#39;Classic&#39; (prod_00004)");
    }

    @Test
    void chartsAreInlinedAsDataUrisWithTheirTakeawaysAndNothingIsFetched() throws IOException {
        List<RenderedChart> charts = Charts.renderAll(Fixtures.realistic(200, 5), directory.resolve("charts"), SMALL);

        String html = writeReport(Fixtures.reportData(), charts);

        Matcher images = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        List<byte[]> embedded = new ArrayList<>();
        while (images.find()) {
            embedded.add(Base64.getDecoder().decode(images.group(1)));
        }
        assertThat(embedded).hasSize(charts.size());
        for (int index = 0; index < charts.size(); index++) {
            assertThat(embedded.get(index)).isEqualTo(Files.readAllBytes(charts.get(index).file()));
            assertThat(html).contains("<figcaption>" + HtmlReport.escape(charts.get(index).takeaway())
                    + "</figcaption>");
        }
        assertThat(html).doesNotContainPattern("(src|href)=\"(?!data:)").doesNotContain("http://")
                .doesNotContain("https://").doesNotContain("<script")
                .contains("Content-Security-Policy\" content=\"default-src 'none'; img-src data:;");
    }

    @Test
    void topTablesListTheRowsInTheGivenOrderWithRanksAndShares() throws IOException {
        String html = writeReport(Fixtures.reportData(), List.of());

        // user_000037 is rank 1: 39 orders, 5,000 - 300.5 = 4,699.50 revenue, 9,000 - 600.25 = 8,399.75 CLV.
        assertThat(html).contains("<tr><td class=\"number\">1</td><td>user_000037</td><td>High value</td>"
                + "<td class=\"number\">39</td><td class=\"number\">$4,699.50</td>"
                + "<td class=\"number\">$8,399.75</td></tr>");
        assertThat(html).contains("<td class=\"number\">10</td><td>user_000370</td>");
        // 1,234,567.89 of 4,512,345.67 revenue is 27.4%.
        assertThat(html).contains("<tr><td class=\"number\">1</td><td>Electronics &amp; &lt;Gadgets&gt;</td>"
                + "<td>cat_001</td><td class=\"number\">$1,234,568</td><td class=\"number\">27.4%</td></tr>");
        assertThat(html).contains("<td class=\"number\">321</td>");
        assertThat(html).contains("<h3>user_000042 <span class=\"detail\">(category popularity)</span></h3>")
                .contains("<tr><td class=\"number\">1</td><td>Kettle &lt;Deluxe&gt; (prod_00007)</td>"
                        + "<td class=\"number\">0.1234</td><td>popular in Home &amp; Kitchen</td></tr>")
                .contains("<tr><td class=\"number\">2</td><td>prod_00009</td><td class=\"number\">0.0500</td>"
                        + "<td>popular in Books</td></tr>");
    }

    @Test
    void theLearnedSegmentsTableShowsEachProfileEscapedAndIsLeftOutWhenThereAreNone() throws IOException {
        ReportData data = Fixtures.reportData();

        assertThat(writeReport(data, List.of())).contains("<h2>Learned customer segments</h2>")
                .contains("<td>buys often, &lt;mostly&gt; mobile</td>").contains("62.5%").contains("$812.50")
                .doesNotContain("<mostly>");
        ReportData without = new ReportData(data.title(), data.generatedAt(), data.headline(), data.runParameters(),
                data.topCustomers(), data.topCategories(), data.topProductPairs(), data.modelChecks(), List.of(),
                data.recommendations());
        assertThat(writeReport(without, List.of())).doesNotContain("Learned customer segments");
    }

    @Test
    void emptyDataSaysSoInsteadOfShowingEmptyTablesOrNaN() throws IOException {
        ReportData empty = new ReportData("Empty run", Instant.parse("2026-11-26T00:00:00Z"),
                new HeadlineFigures(0, 0, 0, 0, 0, ""), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());

        String html = writeReport(empty, List.of());

        assertThat(html).contains("<span class=\"label\">Conversion rate</span> <span class=\"value\">n/a</span>")
                .contains("<span class=\"label\">Average order value</span> <span class=\"value\">n/a</span>")
                .contains("<span class=\"label\">Top category</span> <span class=\"value\">none</span>")
                .contains("No run parameters were recorded.", "No charts were rendered.",
                        "No customers were scored.", "No category sold anything.",
                        "No order contained two different products.")
                .doesNotContain("NaN").doesNotContain("<table");
    }

    @Test
    void aChartWhoseFileIsGoneIsReportedWithItsPath() throws IOException {
        RenderedChart chart = Charts.render(ChartKind.DAILY_REVENUE, ChartInputs.empty(), directory, SMALL);
        Files.delete(chart.file());

        assertThatThrownBy(() -> HtmlReport.write(Fixtures.reportData(), List.of(chart),
                directory.resolve("report.html")))
                .isInstanceOf(IOException.class)
                .hasMessage("Chart DAILY_REVENUE points at " + chart.file() + ", which does not exist; render the "
                        + "charts into a folder that outlives the report step");
        assertThat(directory.resolve("report.html")).doesNotExist();
    }

    @Test
    void missingArgumentsAreRefusedWithAnExplanation() {
        assertThatThrownBy(() -> HtmlReport.write(Fixtures.reportData(), null, directory.resolve("report.html")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HtmlReport.write needs report data, a list of charts (may be empty) and a target file; "
                        + "got data=present, charts=null, file=" + directory.resolve("report.html"));
    }

    @Test
    void writingCreatesFoldersAndReplacesAnEarlierReport() throws IOException {
        Path file = directory.resolve("deep/folder/report.html");
        HtmlReport.write(Fixtures.reportData(), List.of(), file);
        ReportData data = Fixtures.reportData();
        HtmlReport.write(new ReportData("Second run", data.generatedAt(), data.headline(), data.runParameters(),
                data.topCustomers(), data.topCategories(), data.topProductPairs(), data.modelChecks(),
                data.learnedSegments(), data.recommendations()), List.of(),
                file);

        assertThat(Files.readString(file)).contains("<h1>Second run</h1>").doesNotContain("fixture run");
        try (var entries = Files.list(file.getParent())) {
            assertThat(entries.map(path -> path.getFileName().toString()).toList()).containsExactly("report.html");
        }
    }

    private String writeReport(ReportData data, List<RenderedChart> charts) throws IOException {
        Path file = directory.resolve("report.html");
        HtmlReport.write(data, charts, file);
        return Files.readString(file);
    }
}
