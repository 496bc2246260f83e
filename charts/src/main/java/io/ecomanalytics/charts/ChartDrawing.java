package io.ecomanalytics.charts;

import org.jfree.chart.JFreeChart;

/** A built chart before it is written: the JFreeChart object plus the words that go with it. */
record ChartDrawing(ChartKind kind, JFreeChart chart, String title, String takeaway) {
}
