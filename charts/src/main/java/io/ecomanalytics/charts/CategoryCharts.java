package io.ecomanalytics.charts;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/** Bar and box charts over named categories: revenue by category, top customers, the funnel, CLV by segment. */
final class CategoryCharts {

    static final String REVENUE_SERIES = "Revenue";
    static final String LIFETIME_VALUE_SERIES = "Lifetime value";
    static final String FUNNEL_SERIES = "Sessions";
    static final int TOP_CUSTOMER_COUNT = 10;
    static final int MAXIMUM_CATEGORY_BARS = 25;

    private CategoryCharts() {
    }

    static ChartDrawing revenueByCategory(List<CategoryRevenue> rows) {
        Map<String, Long> nameCounts = new HashMap<>();
        rows.forEach(row -> nameCounts.merge(row.categoryName(), 1L, Long::sum));
        List<CategoryRevenue> sorted = rows.stream()
                .sorted(Comparator.comparingDouble(CategoryRevenue::revenue).reversed()
                        .thenComparing(CategoryRevenue::categoryName))
                .toList();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        double total = sorted.stream().mapToDouble(CategoryRevenue::revenue).sum();
        // Beyond this many bars the names overlap; the tail is summed into one bar.
        int shown = sorted.size() <= MAXIMUM_CATEGORY_BARS ? sorted.size() : MAXIMUM_CATEGORY_BARS - 1;
        for (CategoryRevenue row : sorted.subList(0, shown)) {
            // Two categories may share a name; the id keeps their bars apart.
            String label = nameCounts.get(row.categoryName()) > 1
                    ? row.categoryName() + " (" + row.categoryId() + ")" : row.categoryName();
            dataset.addValue(row.revenue(), REVENUE_SERIES, label);
        }
        if (shown < sorted.size()) {
            double rest = sorted.subList(shown, sorted.size()).stream().mapToDouble(CategoryRevenue::revenue).sum();
            dataset.addValue(rest, REVENUE_SERIES, "Other " + (sorted.size() - shown) + " categories");
        }
        String title = "Revenue by product category";
        JFreeChart chart = horizontalBars(title, "Product category", "Revenue (US dollars)", dataset,
                "No category revenue to show");
        labelBars(chart, Formats.wholeCurrencyFormat());

        String takeaway;
        if (sorted.isEmpty()) {
            takeaway = "No category revenue to show: the run found no sold items.";
        } else if (sorted.get(0).revenue() == sorted.get(sorted.size() - 1).revenue() && sorted.size() > 1) {
            takeaway = "All " + Formats.count(sorted.size()) + " categories earned the same, "
                    + Formats.wholeCurrency(sorted.get(0).revenue()) + " each.";
        } else if (sorted.size() == 1) {
            takeaway = "All revenue (" + Formats.wholeCurrency(total) + ") comes from one category, "
                    + sorted.get(0).categoryName() + ".";
        } else {
            CategoryRevenue top = sorted.get(0);
            String share = total > 0 ? " (" + Formats.percent(top.revenue() / total) + " of the total)" : "";
            takeaway = top.categoryName() + " leads with " + Formats.wholeCurrency(top.revenue()) + share
                    + "; " + Formats.count(sorted.size()) + " categories earned " + Formats.wholeCurrency(total)
                    + " in all.";
        }
        return new ChartDrawing(ChartKind.REVENUE_BY_CATEGORY, chart, title, takeaway);
    }

    static ChartDrawing topCustomers(List<CustomerLifetimeValue> rows) {
        List<CustomerLifetimeValue> top = rows.stream()
                .sorted(Comparator.comparingDouble(CustomerLifetimeValue::lifetimeValue).reversed()
                        .thenComparing(CustomerLifetimeValue::customerId))
                .limit(TOP_CUSTOMER_COUNT)
                .toList();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        top.forEach(row -> dataset.addValue(row.lifetimeValue(), LIFETIME_VALUE_SERIES, row.customerId()));
        String title = "Top " + TOP_CUSTOMER_COUNT + " customers by lifetime value";
        JFreeChart chart = horizontalBars(title, "Customer", "Lifetime value (US dollars)", dataset,
                "No customer lifetime values to show");
        labelBars(chart, Formats.currencyFormat());

        String takeaway;
        if (top.isEmpty()) {
            takeaway = "No customer lifetime values to show: the CLV model scored no customers.";
        } else {
            double total = rows.stream().mapToDouble(CustomerLifetimeValue::lifetimeValue).sum();
            double topTotal = top.stream().mapToDouble(CustomerLifetimeValue::lifetimeValue).sum();
            String share = total > 0 && rows.size() > top.size()
                    ? "; the top " + top.size() + " hold " + Formats.percent(topTotal / total) + " of the "
                    + Formats.wholeCurrency(total) + " lifetime value of " + Formats.count(rows.size()) + " customers"
                    : "";
            takeaway = top.get(0).customerId() + " leads with a lifetime value of "
                    + Formats.currency(top.get(0).lifetimeValue()) + share + ".";
        }
        return new ChartDrawing(ChartKind.TOP_CUSTOMERS_BY_LIFETIME_VALUE, chart, title, takeaway);
    }

    static ChartDrawing conversionFunnel(List<FunnelStep> steps) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Map<String, Long> countsByLabel = new LinkedHashMap<>();
        for (FunnelStep step : steps) {
            // A repeated step name would silently overwrite a bar; number it instead.
            String label = countsByLabel.containsKey(step.name())
                    ? step.name() + " (" + (countsByLabel.size() + 1) + ")" : step.name();
            countsByLabel.put(label, step.count());
            dataset.addValue(step.count(), FUNNEL_SERIES, label);
        }
        String title = "Conversion funnel";
        JFreeChart chart = ChartFactory.createBarChart(title, "Funnel step", "Sessions", dataset,
                PlotOrientation.VERTICAL, false, false, false);
        Theme.apply(chart, "No funnel data to show");
        Theme.addSubtitle(chart, "Each bar shows how many sessions reached the step and, in brackets, "
                + "the share of the previous step that continued");
        CategoryPlot plot = chart.getCategoryPlot();
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        Theme.wholeValueAxis(range, Formats.countFormat());
        range.setUpperMargin(0.12);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, Theme.BLUE);
        renderer.setMaximumBarWidth(0.16);
        renderer.setDefaultItemLabelGenerator(new FunnelLabels());
        renderer.setDefaultItemLabelFont(Theme.ITEM_LABEL_FONT);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        CategoryAxis domain = plot.getDomainAxis();
        domain.setMaximumCategoryLabelLines(3);

        String takeaway;
        if (steps.size() < 2 || steps.get(0).count() == 0) {
            takeaway = steps.isEmpty() ? "No funnel data to show: the run found no sessions."
                    : "The funnel needs at least two steps and a non-empty first step to show conversion.";
        } else {
            FunnelStep first = steps.get(0);
            FunnelStep last = steps.get(steps.size() - 1);
            int worst = -1;
            double worstRate = Double.POSITIVE_INFINITY;
            for (int index = 1; index < steps.size(); index++) {
                long previous = steps.get(index - 1).count();
                if (previous > 0) {
                    double rate = steps.get(index).count() / (double) previous;
                    if (rate < worstRate) {
                        worstRate = rate;
                        worst = index;
                    }
                }
            }
            String biggestDrop = worst < 0 ? "" : "; the biggest drop is from " + steps.get(worst - 1).name()
                    + " to " + steps.get(worst).name() + ", where only " + Formats.percent(worstRate) + " continue";
            takeaway = Formats.percent(last.count() / (double) first.count()) + " of " + first.name().toLowerCase(Locale.ROOT)
                    + " reach " + last.name().toLowerCase(Locale.ROOT) + biggestDrop + ".";
        }
        return new ChartDrawing(ChartKind.CONVERSION_FUNNEL, chart, title, takeaway);
    }

    static ChartDrawing lifetimeValueBySegment(List<CustomerLifetimeValue> rows) {
        Map<String, List<Double>> valuesBySegment = new LinkedHashMap<>();
        rows.forEach(row -> valuesBySegment.computeIfAbsent(row.segment(), segment -> new ArrayList<>())
                .add(row.lifetimeValue()));
        Map<String, BoxStatistics> statistics = new LinkedHashMap<>();
        valuesBySegment.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(),
                        BoxStatistics.of(entry.getValue().stream().mapToDouble(Double::doubleValue).toArray())))
                .sorted(Comparator.comparingDouble((Map.Entry<String, BoxStatistics> entry) -> entry.getValue()
                        .median()).reversed().thenComparing(Map.Entry::getKey))
                .forEach(entry -> statistics.put(entry.getKey(), entry.getValue()));

        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        statistics.forEach((segment, box) -> dataset.add(new BoxAndWhiskerItem(box.mean(), box.median(),
                box.lowerQuartile(), box.upperQuartile(), box.lowerWhisker(), box.upperWhisker(), box.lowerWhisker(),
                box.upperWhisker(), List.of()), LIFETIME_VALUE_SERIES, segment));
        String title = "Lifetime value by customer segment";
        JFreeChart chart = ChartFactory.createBoxAndWhiskerChart(title, "Customer segment",
                "Lifetime value (US dollars)", dataset, false);
        Theme.apply(chart, "No customer lifetime values to show");
        long beyondWhiskers = statistics.values().stream().mapToLong(box -> box.outliers().size()).sum();
        Theme.addSubtitle(chart, "Box = middle half of the segment, line = median, whiskers = 1.5 box heights"
                + (beyondWhiskers == 0 ? ""
                : " (" + Formats.quantity(beyondWhiskers, "customer", "customers") + " beyond, not drawn)"));
        CategoryPlot plot = chart.getCategoryPlot();
        Theme.wholeValueAxis((NumberAxis) plot.getRangeAxis(), Formats.wholeCurrencyFormat());
        // Ten segment names such as "cannot lose them" wrap between words onto up to three lines.
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        BoxAndWhiskerRenderer renderer = (BoxAndWhiskerRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, Theme.SKY_BLUE);
        renderer.setSeriesOutlinePaint(0, Theme.TEXT);
        renderer.setDefaultOutlinePaint(Theme.TEXT);
        renderer.setArtifactPaint(Theme.TEXT);
        renderer.setUseOutlinePaintForWhiskers(true);
        // JFreeChart sizes the mean marker by the box width, which hides the median on wide boxes.
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setMaximumBarWidth(0.14);
        renderer.setWhiskerWidth(0.6);

        String takeaway;
        if (statistics.isEmpty()) {
            takeaway = "No customer lifetime values to show: the CLV model scored no customers.";
        } else {
            List<String> segments = List.copyOf(statistics.keySet());
            String highest = segments.get(0);
            if (segments.size() == 1) {
                takeaway = (rows.size() == 1 ? "The only customer is"
                        : "All " + Formats.count(rows.size()) + " customers are") + " in the " + highest + " segment, with a median lifetime value of "
                        + Formats.currency(statistics.get(highest).median()) + ".";
            } else {
                String lowest = segments.get(segments.size() - 1);
                takeaway = highest + " has the highest median lifetime value ("
                        + Formats.currency(statistics.get(highest).median()) + "), against "
                        + Formats.currency(statistics.get(lowest).median()) + " for " + lowest + ".";
            }
        }
        return new ChartDrawing(ChartKind.LIFETIME_VALUE_BY_SEGMENT, chart, title, takeaway);
    }

    private static JFreeChart horizontalBars(String title, String categoryLabel, String valueLabel,
                                             CategoryDataset dataset, String noDataMessage) {
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, dataset,
                PlotOrientation.HORIZONTAL, false, false, false);
        Theme.apply(chart, noDataMessage);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        Theme.wholeValueAxis(range, Formats.wholeCurrencyFormat());
        // Room at the bar ends for the value labels.
        range.setUpperMargin(0.3);
        CategoryAxis domain = plot.getDomainAxis();
        // Long category names get up to 40% of the width instead of being cut with "...".
        domain.setMaximumCategoryLabelWidthRatio(0.4f);
        domain.setMaximumCategoryLabelLines(3);
        domain.setCategoryMargin(0.25);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, Theme.BLUE);
        renderer.setMaximumBarWidth(0.08);
        return chart;
    }

    private static void labelBars(JFreeChart chart, NumberFormat format) {
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        renderer.setDefaultItemLabelFont(Theme.ITEM_LABEL_FONT);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelInsets(new RectangleInsets(6, 6, 6, 6));
    }

    /** "12,345 (45.6%)": the step's sessions and the share of the previous step that reached it. */
    private static final class FunnelLabels implements CategoryItemLabelGenerator {

        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return dataset.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return dataset.getColumnKey(column).toString();
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            long count = dataset.getValue(row, column).longValue();
            if (column == 0) {
                return Formats.count(count);
            }
            long previous = dataset.getValue(row, column - 1).longValue();
            String share = previous > 0 ? Formats.percent(count / (double) previous) : "n/a";
            return Formats.count(count) + " (" + share + ")";
        }
    }
}
