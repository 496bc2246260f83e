package io.ecomanalytics.runner;

import io.ecomanalytics.clv.EngagementWeights;
import io.ecomanalytics.data.DatasetGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the whole pipeline at one or more scales and prints per-stage seconds, records/s and peak heap, then the
 * figures of the performance table in one line per scale: the whole run, the stages of the original pipeline, the
 * HBase load and Spark read together, (with {@code --rerun-on-store}) a second run on a kept store, and (with
 * {@code --against-duckdb}) Spark's analytics alone against DuckDB's on the same files.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: run the pipeline at each scale on fresh stores and print per-stage seconds,"
                + " records/s and peak heap, then one line per scale.")
final class BenchCommand implements Callable<Integer> {
    /**
     * Stages that later issues added to the pipeline (the holdout check, learned segments, recommendations): the
     * original pipeline's figure leaves them out, so that it compares with the first measurements.
     */
    private static final Set<String> LATER_STAGES = Set.of("clv-checks", "segments", "recommendations");
    private static final Set<String> LOAD_AND_READ_STAGES = Set.of("load-hbase", "spark-read");

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

    @Option(names = "--rerun-on-store",
            description = "Also time a re-run on a kept store: the dataset is loaded into a temporary --store folder"
                    + " by one run, and a second run on it (loads skipped) is timed. The folder is deleted after.")
    private boolean rerunOnStore;

    @Option(names = "--against-duckdb",
            description = "Also time Spark's analytics alone against DuckDB running the same queries on the same"
                    + " generated JSON files, in this JVM, and print both engines' seconds per analytic and the"
                    + " ratio. Both must agree on every analytic's row count.")
    private boolean againstDuckDb;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private SparkOptions sparkOptions = new SparkOptions();

    /** One timed run: its stages, seconds on the clock and peak heap. */
    private record Measured(List<StageRecord> stages, double seconds, long peakHeapBytes) {
        double stageSeconds(Predicate<String> included) {
            return stages.stream().filter(stage -> included.test(stage.stage())).mapToDouble(StageRecord::seconds)
                    .sum();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (rerunOnStore && (given(storeOptions.mongoUri) || given(storeOptions.zooKeeper))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rerun-on-store keeps the embedded stores"
                    + " in a folder: leave out --mongo-uri and --zookeeper (and ECOM_MONGO_URI, ECOM_ZOOKEEPER).");
        }
        PrintWriter print = spec.commandLine().getOut();
        List<String> lines = new ArrayList<>();
        try (StartingSpark spark = StartingSpark.begin(sparkOptions.master, sparkOptions.configuration)) {
            for (String scale : scales) {
                PipelineSettings settings = new PipelineSettings(Optional.empty(),
                        GenerateCommand.scaleSpecification(spec, scale),
                        OutputFolder.child(CommandArguments.outputLocation(spec, out), scale), 12, 0.01,
                        PipelineSettings.DEFAULT_HOLDOUT_SHARE, EngagementWeights.DEFAULT, 4, hbaseLoad, 1000);
                Measured fresh = measure(settings, spark, Optional.empty());
                print.println("scale " + scale + ":");
                print.print(StageTimer.table(fresh.stages()));
                print.printf(Locale.ROOT, "peak heap %,d MB%n%n", fresh.peakHeapBytes() >> 20);
                print.flush();
                String rerun = "-";
                if (rerunOnStore) {
                    Measured again = rerunOnKeptStore(settings, spark);
                    print.println("scale " + scale + ", again on a kept store:");
                    print.print(StageTimer.table(again.stages()));
                    print.println();
                    print.flush();
                    rerun = String.format(Locale.ROOT, "%.1f", again.seconds());
                }
                String engines = "-";
                if (againstDuckDb) {
                    EngineComparison.Result comparison = compareEngines(settings, spark);
                    print.println("scale " + scale + ", Spark's analytics alone against DuckDB (best of "
                            + comparison.repetitions() + "):");
                    print.print(comparison.table());
                    print.println();
                    print.flush();
                    engines = String.format(Locale.ROOT, "%.2f", comparison.wholeSet().ratio());
                }
                lines.add(String.format(Locale.ROOT, "%-8s %,12d %,10d %8.1f %8.1f %10.1f %11.1f %8s %12s %,14d",
                        scale, settings.generatorSpec().transactions(), settings.generatorSpec().sessions(),
                        fresh.seconds(), fresh.stageSeconds(stage -> true),
                        fresh.stageSeconds(stage -> !LATER_STAGES.contains(stage)),
                        fresh.stageSeconds(LOAD_AND_READ_STAGES::contains), rerun, engines,
                        fresh.peakHeapBytes() >> 20));
            }
        }
        print.printf(Locale.ROOT, "%-8s %12s %10s %8s %8s %10s %11s %8s %12s %14s%n", "scale", "transactions",
                "sessions", "run s", "stages s", "original s", "load+read s", "re-run s", "spark/duckdb",
                "peak heap MB");
        lines.forEach(print::println);
        print.println("run s: the whole run on the clock; stages s: its stages; original s: without clv-checks,"
                + " segments and recommendations; load+read s: load-hbase and spark-read; re-run s: a second run on"
                + " a kept store (--rerun-on-store); spark/duckdb: Spark's analytics alone over DuckDB's, load"
                + " included (--against-duckdb)");
        return ExitCodes.OK;
    }

    /** The engines compared on a freshly generated copy of the scale's dataset, deleted after. */
    private static EngineComparison.Result compareEngines(PipelineSettings settings, StartingSpark spark)
            throws IOException {
        Path folder = Files.createTempDirectory("ecom-bench-dataset-");
        try {
            DatasetGenerator.generate(settings.generatorSpec(), folder, new ProgressLog("generate"));
            // Spark is timed as the pipeline runs it: interpreted or compiled by the same rule.
            ExpressionEvaluation.chooseFor(spark.get(), folder);
            return EngineComparison.run(spark.get(), folder, settings.generatorSpec().transactions());
        } finally {
            OutputFolder.deleteRecursively(folder);
        }
    }

    private Measured measure(PipelineSettings settings, StartingSpark spark, Optional<Path> store) {
        resetPeakHeap();
        long start = System.nanoTime();
        RunSummary summary;
        try (Stores stores = Stores.open(storeOptions, store)) {
            summary = new Pipeline(settings, stores, spark).run();
        }
        return new Measured(summary.stages(), (System.nanoTime() - start) / 1e9, peakHeapBytes());
    }

    /** A run that loads a temporary store folder, then the timed one on it. */
    private Measured rerunOnKeptStore(PipelineSettings settings, StartingSpark spark) throws IOException {
        Path store = Files.createTempDirectory("ecom-bench-store-");
        try {
            measure(settings, spark, Optional.of(store));
            return measure(settings, spark, Optional.of(store));
        } finally {
            OutputFolder.deleteRecursively(store);
        }
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
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
