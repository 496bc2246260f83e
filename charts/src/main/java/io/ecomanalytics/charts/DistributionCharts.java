package io.ecomanalytics.charts;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Histograms of per-person counts and durations, and the sales-against-duration scatter plot. */
final class DistributionCharts {

    static final String CUSTOMERS_SERIES = "Customers";
    static final String USERS_SERIES = "Users";
    private static final double SECONDS_PER_MINUTE = 60;

    private DistributionCharts() {
    }

    static ChartDrawing transactionsPerCustomer(List<CountFrequency> table) {
        String title = "Transactions per customer";
        JFreeChart chart = integerHistogram(title,
                "Bars count the customers who made that many transactions", "Transactions made by one customer",
                "Customers",
                CUSTOMERS_SERIES, table, "No transactions to show");
        String takeaway = describeCounts(table, "customer", "customers", "transaction", "transactions",
                "No transactions to show: the run found no customers with purchases.");
        return new ChartDrawing(ChartKind.TRANSACTIONS_PER_CUSTOMER, chart, title, takeaway);
    }

    static ChartDrawing sessionsPerUser(List<CountFrequency> table) {
        String title = "Sessions per user";
        JFreeChart chart = integerHistogram(title, "Bars count the users who had that many sessions",
                "Sessions of one user", "Users", USERS_SERIES, table,
                "No sessions to show");
        String takeaway = describeCounts(table, "user", "users", "session", "sessions",
                "No sessions to show: the run found no user sessions.");
        return new ChartDrawing(ChartKind.SESSIONS_PER_USER, chart, title, takeaway);
    }

    static ChartDrawing engagedSessionDuration(List<UserEngagement> rows, long sessionThreshold) {
        double[] minutes = rows.stream()
                .filter(row -> row.sessions() > sessionThreshold)
                .mapToDouble(row -> row.averageSessionSeconds() / SECONDS_PER_MINUTE)
                .toArray();
        List<Histograms.RealBin> bins = Histograms.realBins(minutes);
        XYIntervalSeries series = new XYIntervalSeries(USERS_SERIES);
        bins.forEach(bin -> series.add(bin.start(), bin.start(), bin.end(), bin.people(), 0, bin.people()));
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        if (series.getItemCount() > 0) {
            dataset.addSeries(series);
        }
        String title = "Average session duration of highly engaged users";
        JFreeChart chart = ChartFactory.createXYBarChart(title, "Average session duration (minutes)", false, "Users",
                dataset, PlotOrientation.VERTICAL, false, false, false);
        Theme.apply(chart, "No user has more than " + Formats.quantity(sessionThreshold, "session", "sessions"));
        Theme.addSubtitle(chart, "Users with more than " + Formats.quantity(sessionThreshold, "session", "sessions")
                + ": " + Formats.count(minutes.length) + " of " + Formats.quantity(rows.size(), "user", "users"));
        styleHistogram(chart);
        NumberAxis domain = (NumberAxis) chart.getXYPlot().getDomainAxis();
        domain.setNumberFormatOverride(Formats.preciseDecimalFormat());
        if (!bins.isEmpty()) {
            double width = bins.get(0).end() - bins.get(0).start();
            double padding = bins.size() == 1 ? width : 0.25 * width;
            domain.setRange(bins.get(0).start() - padding, bins.get(bins.size() - 1).end() + padding);
        }

        String takeaway;
        if (minutes.length == 0) {
            takeaway = "No user has more than " + Formats.quantity(sessionThreshold, "session", "sessions")
                    + ", so there are no highly engaged users to describe.";
        } else {
            double medianMinutes = BoxStatistics.of(minutes).median();
            takeaway = Formats.count(minutes.length) + " of " + Formats.quantity(rows.size(), "user", "users")
                    + (minutes.length == 1 ? " has" : " have") + " more than "
                    + Formats.quantity(sessionThreshold, "session", "sessions")
                    + "; their median average session lasts " + Formats.decimal(medianMinutes) + " minutes.";
        }
        return new ChartDrawing(ChartKind.ENGAGED_USER_SESSION_DURATION, chart, title, takeaway);
    }

    static ChartDrawing salesAgainstSessionDuration(List<UserEngagement> rows) {
        List<UserEngagement> customers = rows.stream().filter(row -> row.sales() > 0).toList();
        XYSeries series = new XYSeries(CUSTOMERS_SERIES, false, true);
        customers.forEach(row -> series.add(row.averageSessionSeconds() / SECONDS_PER_MINUTE, row.sales()));
        XYSeriesCollection dataset = new XYSeriesCollection();
        if (!customers.isEmpty()) {
            dataset.addSeries(series);
        }
        String title = "Sales against average session duration";
        JFreeChart chart = ChartFactory.createScatterPlot(title, "Average session duration (minutes)",
                "Sales per customer (US dollars)", dataset, PlotOrientation.VERTICAL, false, false, false);
        Theme.apply(chart, "No customers with sales to show");
        Theme.addSubtitle(chart, "One point per customer who bought something ("
                + Formats.quantity(customers.size(), "customer", "customers") + ")");
        XYPlot plot = chart.getXYPlot();
        Theme.wholeValueAxis((NumberAxis) plot.getRangeAxis(), Formats.wholeCurrencyFormat());
        NumberAxis domain = (NumberAxis) plot.getDomainAxis();
        domain.setNumberFormatOverride(Formats.preciseDecimalFormat());
        domain.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, Theme.POINT);
        // Translucent points show where customers crowd together.
        Color blue = Theme.BLUE;
        renderer.setSeriesPaint(0, new Color(blue.getRed(), blue.getGreen(), blue.getBlue(), 110));
        plot.setRenderer(renderer);

        String takeaway;
        if (customers.size() < 3) {
            takeaway = customers.isEmpty() ? "No customers with sales to show."
                    : "Too few customers (" + customers.size() + ") to measure how sales follow session duration.";
        } else {
            double correlation = correlation(customers);
            if (Double.isNaN(correlation)) {
                takeaway = "Sales or session durations do not vary between customers, so they cannot be related.";
            } else {
                takeaway = "Sales and average session duration show " + strength(correlation)
                        + " (Pearson r = " + String.format(Locale.US, "%.2f", correlation) + ") across "
                        + Formats.count(customers.size()) + " customers.";
            }
        }
        return new ChartDrawing(ChartKind.SALES_AGAINST_SESSION_DURATION, chart, title, takeaway);
    }

    private static JFreeChart integerHistogram(String title, String subtitle, String xLabel, String yLabel,
                                               String seriesName, List<CountFrequency> table, String noDataMessage) {
        List<Histograms.IntegerBin> bins = Histograms.integerBins(table);
        XYIntervalSeries series = new XYIntervalSeries(seriesName);
        // Bars span half a unit either side so a bin of whole numbers sits centred on its ticks.
        bins.forEach(bin -> series.add(bin.first(), bin.first() - 0.5, bin.last() + 0.5, bin.people(), 0,
                bin.people()));
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        if (!bins.isEmpty()) {
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYBarChart(title, xLabel, false, yLabel, dataset,
                PlotOrientation.VERTICAL, false, false, false);
        Theme.apply(chart, noDataMessage);
        styleHistogram(chart);
        NumberAxis domain = (NumberAxis) chart.getXYPlot().getDomainAxis();
        domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        domain.setNumberFormatOverride(Formats.countFormat());
        if (!bins.isEmpty()) {
            long width = bins.get(0).last() - bins.get(0).first() + 1;
            Theme.addSubtitle(chart, subtitle + (width == 1 ? ""
                    : "; each bar spans " + width + " values, for example " + bins.get(0).label()));
            // A fixed range keeps the axis from showing impossible negative counts beside the first bar.
            double padding = bins.size() == 1 ? width : 0.25 * width;
            domain.setRange(bins.get(0).first() - 0.5 - padding, bins.get(bins.size() - 1).last() + 0.5 + padding);
        }
        return chart;
    }

    private static void styleHistogram(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        plot.setDomainGridlinesVisible(false);
        NumberAxis domain = (NumberAxis) plot.getDomainAxis();
        domain.setAutoRangeIncludesZero(false);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        Theme.wholeValueAxis(range, Formats.countFormat());
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, Theme.BLUE);
        renderer.setDrawBarOutline(false);
        renderer.setMargin(0.08);
    }

    private static String describeCounts(List<CountFrequency> table, String person, String people, String event,
                                         String events, String emptyMessage) {
        Map<Long, Long> peopleByCount = new TreeMap<>();
        table.stream().filter(row -> row.people() > 0)
                .forEach(row -> peopleByCount.merge(row.count(), row.people(), Long::sum));
        long total = peopleByCount.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return emptyMessage;
        }
        double weightedSum = 0;
        long modeCount = -1;
        long modePeople = -1;
        for (Map.Entry<Long, Long> entry : peopleByCount.entrySet()) {
            weightedSum += (double) entry.getKey() * entry.getValue();
            if (entry.getValue() > modePeople) {
                modePeople = entry.getValue();
                modeCount = entry.getKey();
            }
        }
        if (peopleByCount.size() == 1) {
            return (total == 1 ? "The only " + person : "All " + Formats.quantity(total, person, people))
                    + " had exactly " + Formats.quantity(modeCount, event, events) + ".";
        }
        return "The typical " + person + " had " + Formats.decimal(Histograms.median(peopleByCount)) + " "
                + events + " (median; mean " + Formats.decimal(weightedSum / total) + "); the most common count, "
                + Formats.count(modeCount) + ", is shared by " + Formats.quantity(modePeople, person, people) + " of "
                + Formats.count(total) + ".";
    }

    /** Pearson's r, or NaN when either variable is constant (no relationship can be measured). */
    private static double correlation(List<UserEngagement> customers) {
        double[] duration = customers.stream().mapToDouble(UserEngagement::averageSessionSeconds).toArray();
        double[] sales = customers.stream().mapToDouble(UserEngagement::sales).toArray();
        if (duration.length < 2 || isConstant(duration) || isConstant(sales)) {
            return Double.NaN;
        }
        return new PearsonsCorrelation().correlation(duration, sales);
    }

    private static boolean isConstant(double[] values) {
        return Arrays.stream(values).allMatch(value -> value == values[0]);
    }

    private static String strength(double correlation) {
        double size = Math.abs(correlation);
        String direction = correlation > 0 ? "positive" : "negative";
        if (size < 0.1) {
            return "no meaningful relationship";
        }
        if (size < 0.3) {
            return "a weak " + direction + " relationship";
        }
        if (size < 0.5) {
            return "a moderate " + direction + " relationship";
        }
        return "a strong " + direction + " relationship";
    }
}
