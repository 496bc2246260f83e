package io.ecomanalytics.charts;

import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** Revenue over time. */
final class TimeCharts {

    static final String DAILY_SERIES = "Daily revenue";
    static final String MOVING_AVERAGE_SERIES = "7-day moving average";
    static final int MOVING_AVERAGE_DAYS = 7;
    private static final DateTimeFormatter READABLE_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);

    private TimeCharts() {
    }

    /**
     * Days missing between the first and last day count as days without revenue. The moving average is trailing
     * (the day and the six before it) and starts on the seventh day, so every point averages a full week.
     */
    static ChartDrawing dailyRevenue(List<DailyRevenue> rows) {
        TreeMap<LocalDate, Double> revenueByDay = new TreeMap<>();
        rows.forEach(row -> revenueByDay.merge(row.day(), row.revenue(), Double::sum));
        if (!revenueByDay.isEmpty()) {
            for (LocalDate day = revenueByDay.firstKey(); day.isBefore(revenueByDay.lastKey()); day = day.plusDays(1)) {
                revenueByDay.putIfAbsent(day, 0.0);
            }
        }
        TimeSeries daily = new TimeSeries(DAILY_SERIES);
        TimeSeries average = new TimeSeries(MOVING_AVERAGE_SERIES);
        double[] window = new double[MOVING_AVERAGE_DAYS];
        double windowSum = 0;
        int seen = 0;
        for (Map.Entry<LocalDate, Double> entry : revenueByDay.entrySet()) {
            Day day = new Day(entry.getKey().getDayOfMonth(), entry.getKey().getMonthValue(),
                    entry.getKey().getYear());
            daily.add(day, entry.getValue());
            int slot = seen % MOVING_AVERAGE_DAYS;
            windowSum += entry.getValue() - window[slot];
            window[slot] = entry.getValue();
            seen++;
            if (seen >= MOVING_AVERAGE_DAYS) {
                average.add(day, windowSum / MOVING_AVERAGE_DAYS);
            }
        }
        TimeSeriesCollection dataset = new TimeSeriesCollection();
        if (!revenueByDay.isEmpty()) {
            dataset.addSeries(daily);
            dataset.addSeries(average);
        }
        String title = "Revenue per day";
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "Day", "Revenue (US dollars)", dataset, true,
                false, false);
        Theme.apply(chart, "No revenue to show");
        XYPlot plot = chart.getXYPlot();
        Theme.wholeValueAxis((NumberAxis) plot.getRangeAxis(), Formats.wholeCurrencyFormat());
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new SimpleDateFormat("d MMM", Locale.US));
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, Theme.SKY_BLUE);
        renderer.setSeriesStroke(0, Theme.THIN_LINE);
        renderer.setSeriesPaint(1, Theme.VERMILLION);
        renderer.setSeriesStroke(1, Theme.THICK_LINE);
        if (revenueByDay.size() == 1) {
            // A single day has no line to draw; a marker keeps it visible.
            renderer.setSeriesShapesVisible(0, true);
            renderer.setSeriesShape(0, Theme.POINT);
        }

        String takeaway;
        if (revenueByDay.isEmpty()) {
            takeaway = "No revenue to show: the run found no transactions.";
        } else if (revenueByDay.values().stream().allMatch(revenue -> revenue == 0)) {
            takeaway = "No revenue in the " + Formats.quantity(revenueByDay.size(), "day", "days") + " from "
                    + revenueByDay.firstKey().format(READABLE_DAY) + " to "
                    + revenueByDay.lastKey().format(READABLE_DAY) + ".";
        } else {
            double total = revenueByDay.values().stream().mapToDouble(Double::doubleValue).sum();
            // The earliest of equally good days, so the sentence does not depend on map internals.
            Map.Entry<LocalDate, Double> best = revenueByDay.firstEntry();
            for (Map.Entry<LocalDate, Double> entry : revenueByDay.entrySet()) {
                if (entry.getValue() > best.getValue()) {
                    best = entry;
                }
            }
            String trend = average.getItemCount() == 0 ? ""
                    : "; the 7-day average ended at " + Formats.wholeCurrency(average.getValue(
                            average.getItemCount() - 1).doubleValue());
            takeaway = "Revenue averaged " + Formats.wholeCurrency(total / revenueByDay.size()) + " a day over "
                    + Formats.quantity(revenueByDay.size(), "day", "days") + "; the best day was "
                    + best.getKey().format(READABLE_DAY) + " (" + Formats.wholeCurrency(best.getValue()) + ")"
                    + trend + ".";
        }
        return new ChartDrawing(ChartKind.DAILY_REVENUE, chart, title, takeaway);
    }
}
