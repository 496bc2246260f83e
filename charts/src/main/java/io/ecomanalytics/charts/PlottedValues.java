package io.ecomanalytics.charts;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/** Reads the values back out of a chart's datasets, so what is checked is what is drawn. */
final class PlottedValues {

    private PlottedValues() {
    }

    static List<PlottedSeries> read(JFreeChart chart) {
        Plot plot = chart.getPlot();
        List<PlottedSeries> series = new ArrayList<>();
        if (plot instanceof CategoryPlot categoryPlot) {
            for (int index = 0; index < categoryPlot.getDatasetCount(); index++) {
                CategoryDataset dataset = categoryPlot.getDataset(index);
                if (dataset instanceof BoxAndWhiskerCategoryDataset boxes) {
                    series.addAll(readBoxes(boxes));
                } else if (dataset != null) {
                    series.addAll(readCategories(dataset));
                }
            }
        } else if (plot instanceof XYPlot xyPlot) {
            for (int index = 0; index < xyPlot.getDatasetCount(); index++) {
                XYDataset dataset = xyPlot.getDataset(index);
                if (dataset instanceof TimeSeriesCollection timeSeries) {
                    series.addAll(readDays(timeSeries));
                } else if (dataset != null) {
                    series.addAll(readPoints(dataset));
                }
            }
        }
        return series;
    }

    private static List<PlottedSeries> readCategories(CategoryDataset dataset) {
        List<PlottedSeries> series = new ArrayList<>();
        for (int row = 0; row < dataset.getRowCount(); row++) {
            List<PlottedPoint> points = new ArrayList<>();
            for (int column = 0; column < dataset.getColumnCount(); column++) {
                Number value = dataset.getValue(row, column);
                if (value != null) {
                    points.add(new PlottedPoint(dataset.getColumnKey(column).toString(), column, value.doubleValue(),
                            Double.NaN));
                }
            }
            series.add(new PlottedSeries(dataset.getRowKey(row).toString(), points));
        }
        return series;
    }

    private static List<PlottedSeries> readBoxes(BoxAndWhiskerCategoryDataset dataset) {
        List<PlottedSeries> series = new ArrayList<>();
        for (int row = 0; row < dataset.getRowCount(); row++) {
            for (int column = 0; column < dataset.getColumnCount(); column++) {
                if (dataset.getMedianValue(row, column) == null) {
                    continue;
                }
                series.add(new PlottedSeries(dataset.getColumnKey(column).toString(), List.of(
                        statistic("lower whisker", column, dataset.getMinRegularValue(row, column)),
                        statistic("lower quartile", column, dataset.getQ1Value(row, column)),
                        statistic("median", column, dataset.getMedianValue(row, column)),
                        statistic("upper quartile", column, dataset.getQ3Value(row, column)),
                        statistic("upper whisker", column, dataset.getMaxRegularValue(row, column)),
                        statistic("mean", column, dataset.getMeanValue(row, column)))));
            }
        }
        return series;
    }

    private static PlottedPoint statistic(String name, int column, Number value) {
        return new PlottedPoint(name, column, value == null ? Double.NaN : value.doubleValue(), Double.NaN);
    }

    private static List<PlottedSeries> readDays(TimeSeriesCollection dataset) {
        List<PlottedSeries> series = new ArrayList<>();
        for (int index = 0; index < dataset.getSeriesCount(); index++) {
            TimeSeries timeSeries = dataset.getSeries(index);
            List<PlottedPoint> points = new ArrayList<>();
            for (int item = 0; item < timeSeries.getItemCount(); item++) {
                Day day = (Day) timeSeries.getTimePeriod(item);
                Number value = timeSeries.getValue(item);
                if (value != null) {
                    String label = String.format("%04d-%02d-%02d", day.getYear(), day.getMonth(), day.getDayOfMonth());
                    points.add(new PlottedPoint(label, dataset.getXValue(index, item), value.doubleValue(),
                            Double.NaN));
                }
            }
            series.add(new PlottedSeries(timeSeries.getKey().toString(), points));
        }
        return series;
    }

    private static List<PlottedSeries> readPoints(XYDataset dataset) {
        List<PlottedSeries> series = new ArrayList<>();
        for (int index = 0; index < dataset.getSeriesCount(); index++) {
            List<PlottedPoint> points = new ArrayList<>();
            for (int item = 0; item < dataset.getItemCount(index); item++) {
                double z = dataset instanceof XYZDataset cells ? cells.getZValue(index, item) : Double.NaN;
                points.add(new PlottedPoint("", dataset.getXValue(index, item), dataset.getYValue(index, item), z));
            }
            series.add(new PlottedSeries(dataset.getSeriesKey(index).toString(), points));
        }
        return series;
    }
}
