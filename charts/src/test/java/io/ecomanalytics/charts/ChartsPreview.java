package io.ecomanalytics.charts;

import java.nio.file.Path;
import java.util.List;

/** Renders every chart from the realistic fixture into a folder, for looking at them. Not run by the build. */
public final class ChartsPreview {

    private ChartsPreview() {
    }

    public static void main(String[] arguments) throws Exception {
        Path directory = Path.of(arguments.length > 0 ? arguments[0] : "target/chart-preview");
        List<RenderedChart> charts = Charts.renderAll(Fixtures.realistic(2000, 7), directory, ChartStyle.defaults());
        charts.forEach(chart -> System.out.println(chart.file() + "  " + chart.takeaway()));
    }
}
