package io.ecomanalytics.charts;

import java.nio.file.Path;
import java.util.List;

/**
 * A chart written to disk, with what a reader needs to place it in a report.
 *
 * @param kind     which chart this is
 * @param title    the chart's title
 * @param takeaway one sentence computed from the data, for the report's caption
 * @param file     the PNG file
 * @param series   the values the chart plots, read back from the chart's dataset
 */
public record RenderedChart(ChartKind kind, String title, String takeaway, Path file, List<PlottedSeries> series) {

    public RenderedChart {
        series = List.copyOf(series);
    }

    /** The series with this name. */
    public PlottedSeries series(String name) {
        return series.stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Chart " + kind + " has no series named '" + name
                        + "'; it has " + series.stream().map(PlottedSeries::name).toList()));
    }
}
