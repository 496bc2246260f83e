package io.ecomanalytics.charts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Prints how long each chart and the report take at the reference "full" scale (10,000 users, 90 days). Not run by
 * the build and never asserts on timing. Arguments: output folder (default {@code target/chart-benchmark}),
 * rounds (default 5); the first round warms up and is not counted.
 */
public final class ChartsBenchmark {

    private ChartsBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Path directory = Path.of(arguments.length > 0 ? arguments[0] : "target/chart-benchmark");
        int rounds = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 5;
        ChartInputs inputs = Fixtures.realistic(10_000, 42);
        for (ChartStyle style : List.of(ChartStyle.defaults(), ChartStyle.defaults().withScale(2))) {
            Map<ChartKind, double[]> milliseconds = new EnumMap<>(ChartKind.class);
            double[] reportMilliseconds = new double[rounds];
            long reportBytes = 0;
            for (int round = 0; round <= rounds; round++) {
                List<RenderedChart> charts = new ArrayList<>();
                for (ChartKind kind : ChartKind.values()) {
                    long started = System.nanoTime();
                    charts.add(Charts.render(kind, inputs, directory, style));
                    if (round > 0) {
                        milliseconds.computeIfAbsent(kind, key -> new double[rounds])[round - 1] =
                                (System.nanoTime() - started) / 1e6;
                    }
                }
                long started = System.nanoTime();
                Path report = directory.resolve("report.html");
                HtmlReport.write(Fixtures.reportData(), charts, report);
                if (round > 0) {
                    reportMilliseconds[round - 1] = (System.nanoTime() - started) / 1e6;
                }
                reportBytes = Files.size(report);
            }
            System.out.printf("%d x %d pixels (scale %.1f), median of %d rounds after one warm-up:%n",
                    style.pixelWidth(), style.pixelHeight(), style.scale(), rounds);
            double total = 0;
            for (Map.Entry<ChartKind, double[]> entry : milliseconds.entrySet()) {
                double median = median(entry.getValue());
                total += median;
                System.out.printf("  %-34s %8.1f ms  %7d KiB%n", entry.getKey(), median,
                        Files.size(directory.resolve(entry.getKey().fileName())) / 1024);
            }
            System.out.printf("  %-34s %8.1f ms%n", "all ten charts", total);
            System.out.printf("  %-34s %8.1f ms  %7d KiB%n", "HTML report", median(reportMilliseconds),
                    reportBytes / 1024);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
