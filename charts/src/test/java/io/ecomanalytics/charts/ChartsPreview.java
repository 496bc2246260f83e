package io.ecomanalytics.charts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders every chart from the fixtures (realistic, empty, one row, all equal) into sub-folders, for looking at
 * them. Not run by the build.
 */
public final class ChartsPreview {

    private ChartsPreview() {
    }

    public static void main(String[] arguments) throws Exception {
        Path directory = Path.of(arguments.length > 0 ? arguments[0] : "target/chart-preview");
        Map<String, ChartInputs> fixtures = Map.of("realistic", Fixtures.realistic(2000, 7), "empty",
                ChartInputs.empty(), "single", Fixtures.singleRow(), "equal", Fixtures.allEqual());
        for (Map.Entry<String, ChartInputs> fixture : fixtures.entrySet()) {
            List<RenderedChart> charts = Charts.renderAll(fixture.getValue(), directory.resolve(fixture.getKey()),
                    ChartStyle.defaults());
            charts.forEach(chart -> System.out.println(chart.file() + "  " + chart.takeaway()));
        }
    }
}
