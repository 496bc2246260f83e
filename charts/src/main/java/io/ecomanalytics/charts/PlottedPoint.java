package io.ecomanalytics.charts;

/**
 * One value as the chart holds it, read back from the chart's own dataset.
 *
 * @param label category, bin, day or statistic name; empty for plain x/y points
 * @param x     the x value (the category's position for category charts, the bin start for histograms,
 *              epoch milliseconds for days)
 * @param y     the plotted value (bar height, point height, statistic)
 * @param z     the colour value of a heat-map cell; {@code NaN} for every other chart
 */
public record PlottedPoint(String label, double x, double y, double z) {
}
