package io.ecomanalytics.runner;

import io.ecomanalytics.clv.EngagementWeights;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the whole pipeline at one or more scales and prints per-stage seconds, records/s and peak heap. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: run the pipeline at each scale on fresh stores and print per-stage seconds,"
                + " records/s and peak heap, then one line per scale.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--scales", split = ",", defaultValue = "small,full",
            description = "Comma-separated scales (default: ${DEFAULT-VALUE}).")
    private List<String> scales;

    @Option(names = "--out", defaultValue = "output/bench",
            description = "Folder for each scale's results (default: ${DEFAULT-VALUE}).")
    private String out;

    @Option(names = "--hbase-load", defaultValue = "BUFFERED_MUTATOR",
            description = "How sessions reach HBase: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private io.ecomanalytics.hbase.LoadMethod hbaseLoad;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private SparkOptions sparkOptions = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter print = spec.commandLine().getOut();
        List<String> lines = new ArrayList<>();
        try (StartingSpark spark = StartingSpark.begin(sparkOptions.master, sparkOptions.configuration)) {
            for (String scale : scales) {
                PipelineSettings settings = new PipelineSettings(Optional.empty(),
                        GenerateCommand.scaleSpecification(spec, scale),
                        OutputFolder.child(CommandArguments.outputLocation(spec, out), scale), 12, 0.01,
                        PipelineSettings.DEFAULT_HOLDOUT_SHARE, EngagementWeights.DEFAULT, 4, hbaseLoad, 1000);
                resetPeakHeap();
                long start = System.nanoTime();
                RunSummary summary;
                try (Stores stores = Stores.open(storeOptions)) {
                    summary = new Pipeline(settings, stores, spark).run();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long peakHeap = peakHeapBytes();
                print.println("scale " + scale + ":");
                print.print(StageTimer.table(summary.stages()));
                print.printf(Locale.ROOT, "peak heap %,d MB%n%n", peakHeap >> 20);
                lines.add(String.format(Locale.ROOT, "%-8s %,14d %,12d %10.1f %,14d", scale,
                        settings.generatorSpec().transactions(), settings.generatorSpec().sessions(), seconds,
                        peakHeap >> 20));
                print.flush();
            }
        }
        print.printf(Locale.ROOT, "%-8s %14s %12s %10s %14s%n", "scale", "transactions", "sessions", "seconds",
                "peak heap MB");
        lines.forEach(print::println);
        return ExitCodes.OK;
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one moment. */
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
