package io.ecomanalytics.charts;

import java.util.List;

/**
 * One series of a chart with the values it plots, so callers and tests can check a chart against its input.
 *
 * @param name   the series name (the legend entry, or the box plot's segment)
 * @param points the plotted values in dataset order
 */
public record PlottedSeries(String name, List<PlottedPoint> points) {

    public PlottedSeries {
        points = List.copyOf(points);
    }
}
