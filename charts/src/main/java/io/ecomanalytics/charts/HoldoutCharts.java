package io.ecomanalytics.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The holdout check of the purchase model: predictions from the calibration period beside what customers did. */
final class HoldoutCharts {

    static final String PREDICTED_SERIES = "Predicted";
    static final String ACTUAL_SERIES = "Actual";
    static final String PERFECT_SERIES = "Perfect prediction";
    /** Customers are ranked by their prediction and cut into this many equal groups for chart 12. */
    static final int PREDICTION_GROUPS = 10;

    private HoldoutCharts() {
    }

    static ChartDrawing calibrationAgainstHoldout(List<HoldoutGroup> groups) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (HoldoutGroup group : groups) {
            dataset.addValue(group.meanPredicted(), PREDICTED_SERIES, group.calibrationPurchases());
            dataset.addValue(group.meanActual(), ACTUAL_SERIES, group.calibrationPurchases());
        }
        String title = "Holdout purchases by calibration purchases";
        JFreeChart chart = ChartFactory.createBarChart(title, "Repeat purchases in the calibration period",
                "Mean purchases in the holdout", dataset, PlotOrientation.VERTICAL, true, false, false);
        Theme.apply(chart, "No holdout check to show");
        Theme.addSubtitle(chart, "Mean per customer, predicted from the calibration period beside what happened ("
                + Formats.quantity(groups.stream().mapToLong(HoldoutGroup::customers).sum(), "customer",
                "customers") + ")");
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(Formats.decimalFormat());
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, Theme.ORANGE);
        renderer.setSeriesPaint(1, Theme.BLUE);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);

        String takeaway;
        List<HoldoutGroup> populated = groups.stream().filter(group -> group.customers() > 0).toList();
        if (populated.isEmpty()) {
            takeaway = "No holdout check to show: no customer bought in the calibration period.";
        } else {
            HoldoutGroup most = populated.get(populated.size() - 1);
            HoldoutGroup least = populated.get(0);
            takeaway = "Customers with " + most.calibrationPurchases() + " calibration purchases made "
                    + twoDecimals(most.meanActual()) + " purchases each in the holdout; the model predicted "
                    + twoDecimals(most.meanPredicted()) + (populated.size() == 1 ? "."
                    : ". Those with " + least.calibrationPurchases() + " made " + twoDecimals(least.meanActual())
                    + " (predicted " + twoDecimals(least.meanPredicted()) + ").");
        }
        return new ChartDrawing(ChartKind.HOLDOUT_BY_CALIBRATION_PURCHASES, chart, title, takeaway);
    }

    /**
     * Customers ranked by predicted holdout purchases and cut into {@value #PREDICTION_GROUPS} groups of (nearly)
     * equal size; each point is a group's mean prediction against its mean actual purchases, so the points lie on
     * the diagonal when the model is calibrated.
     */
    static ChartDrawing predictedAgainstActual(List<HoldoutPurchases> customers) {
        List<HoldoutPurchases> ranked = customers.stream()
                .sorted(Comparator.comparingDouble(HoldoutPurchases::predicted)).toList();
        int groups = Math.min(PREDICTION_GROUPS, ranked.size());
        XYSeries points = new XYSeries(ACTUAL_SERIES, false, true);
        List<double[]> means = new ArrayList<>();
        for (int group = 0; group < groups; group++) {
            List<HoldoutPurchases> members = ranked.subList(group * ranked.size() / groups,
                    (group + 1) * ranked.size() / groups);
            double predicted = members.stream().mapToDouble(HoldoutPurchases::predicted).average().orElse(0);
            double actual = members.stream().mapToLong(HoldoutPurchases::actual).average().orElse(0);
            points.add(predicted, actual);
            means.add(new double[] {predicted, actual});
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        if (!ranked.isEmpty()) {
            double top = means.stream().mapToDouble(mean -> Math.max(mean[0], mean[1])).max().orElse(0);
            XYSeries diagonal = new XYSeries(PERFECT_SERIES, false, true);
            diagonal.add(0, 0);
            diagonal.add(top, top);
            dataset.addSeries(points);
            dataset.addSeries(diagonal);
        }
        String title = "Predicted against actual holdout purchases";
        JFreeChart chart = ChartFactory.createXYLineChart(title, "Predicted purchases per customer",
                "Actual purchases per customer", dataset, PlotOrientation.VERTICAL, true, false, false);
        Theme.apply(chart, "No holdout predictions to show");
        Theme.addSubtitle(chart, "Customers ranked by prediction, in " + groups + " equal groups; the mean of each"
                + " group (" + Formats.quantity(ranked.size(), "customer", "customers") + ")");
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(Formats.decimalFormat());
        ((NumberAxis) plot.getDomainAxis()).setNumberFormatOverride(Formats.decimalFormat());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Theme.BLUE);
        renderer.setSeriesStroke(0, Theme.THICK_LINE);
        renderer.setSeriesShape(0, Theme.POINT);
        renderer.setSeriesPaint(1, Theme.MUTED_TEXT);
        renderer.setSeriesStroke(1, Theme.THIN_LINE);
        renderer.setSeriesShapesVisible(1, false);
        plot.setRenderer(renderer);

        String takeaway;
        if (ranked.isEmpty()) {
            takeaway = "No holdout predictions to show.";
        } else {
            double predicted = ranked.stream().mapToDouble(HoldoutPurchases::predicted).sum();
            long actual = ranked.stream().mapToLong(HoldoutPurchases::actual).sum();
            double[] best = means.get(means.size() - 1);
            String difference = actual == 0 ? "" : " (" + Formats.percent(Math.abs(predicted - actual) / actual)
                    + (predicted >= actual ? " more" : " fewer") + " predicted)";
            takeaway = "The model predicted " + Formats.count(Math.round(predicted)) + " holdout purchases and "
                    + "customers made " + Formats.count(actual) + difference + "; the tenth expected to buy most "
                    + "made " + twoDecimals(best[1]) + " each (predicted " + twoDecimals(best[0]) + ").";
        }
        return new ChartDrawing(ChartKind.PREDICTED_AGAINST_ACTUAL_HOLDOUT, chart, title, takeaway);
    }

    /** Holdout means are small numbers: two decimals tell 0.18 from 0.21. */
    private static String twoDecimals(double value) {
        return Formats.preciseDecimalFormat().format(value);
    }
}
