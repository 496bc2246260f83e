package io.ecomanalytics.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The learned customer segments: customers on two principal components, and revenue share by segment. */
final class SegmentCharts {
    static final String REVENUE_SHARE_SERIES = "Share of revenue";

    private SegmentCharts() {
    }

    static ChartDrawing onPrincipalComponents(List<SegmentPoint> points) {
        Map<String, XYSeries> bySegment = new TreeMap<>();
        for (SegmentPoint point : points) {
            bySegment.computeIfAbsent(point.segment(), name -> new XYSeries(name, false, true))
                    .add(point.firstComponent(), point.secondComponent());
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        bySegment.values().forEach(dataset::addSeries);
        String title = "Customers on two principal components, by learned segment";
        JFreeChart chart = ChartFactory.createScatterPlot(title, "First principal component",
                "Second principal component", dataset, PlotOrientation.VERTICAL, true, false, false);
        Theme.apply(chart, "No learned segments to show");
        Theme.addSubtitle(chart, "Standardised behaviour features projected on their two main directions ("
                + Formats.quantity(points.size(), "customer", "customers") + ")");
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getDomainAxis()).setNumberFormatOverride(Formats.decimalFormat());
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(Formats.decimalFormat());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int series = 0; series < bySegment.size(); series++) {
            renderer.setSeriesShape(series, Theme.POINT);
        }
        plot.setRenderer(renderer);
        String takeaway = points.isEmpty() ? "No learned segments to show."
                : Formats.quantity(bySegment.size(), "segment", "segments") + " over "
                        + Formats.quantity(points.size(), "customer", "customers")
                        + "; segments that separate on these two directions differ most in behaviour.";
        return new ChartDrawing(ChartKind.SEGMENTS_ON_PRINCIPAL_COMPONENTS, chart, title, takeaway);
    }

    static ChartDrawing revenueShare(List<LearnedSegment> segments) {
        List<LearnedSegment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingDouble(LearnedSegment::revenueShare).reversed()
                .thenComparing(LearnedSegment::segment));
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        sorted.forEach(segment -> dataset.addValue(segment.revenueShare(), REVENUE_SHARE_SERIES, segment.segment()));
        String title = "Share of revenue by learned segment";
        JFreeChart chart = ChartFactory.createBarChart(title, "Learned segment", "Share of revenue", dataset,
                PlotOrientation.VERTICAL, false, false, false);
        Theme.apply(chart, "No learned segments to show");
        NumberAxis range = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        range.setNumberFormatOverride(Formats.wholePercentFormat());
        ((org.jfree.chart.renderer.category.BarRenderer) chart.getCategoryPlot().getRenderer())
                .setSeriesPaint(0, Theme.BLUE);
        long customers = sorted.stream().mapToLong(LearnedSegment::customers).sum();
        String takeaway;
        if (sorted.isEmpty() || customers == 0) {
            takeaway = "No learned segments to show.";
        } else {
            LearnedSegment top = sorted.get(0);
            takeaway = top.segment() + " (" + top.description() + ") brings " + Formats.percent(top.revenueShare())
                    + " of revenue with " + Formats.percent((double) top.customers() / customers)
                    + " of the customers.";
        }
        return new ChartDrawing(ChartKind.REVENUE_SHARE_BY_SEGMENT, chart, title, takeaway);
    }
}
