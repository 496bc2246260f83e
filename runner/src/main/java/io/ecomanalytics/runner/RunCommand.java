package io.ecomanalytics.runner;

import io.ecomanalytics.clv.EngagementWeights;
import io.ecomanalytics.dashboard.Dashboard;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.hbase.LoadMethod;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The default command: the whole pipeline, from a dataset (generated or read) to the results folder, on embedded
 * stores and a local Spark unless configured otherwise.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline: dataset -> validation -> MongoDB + HBase -> Spark analytics -> CLV ->"
                + " results, charts and report (the default command).")
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private PipelineOptions pipeline = new PipelineOptions();

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private StoreFolderOption storeFolder = new StoreFolderOption();

    @Mixin
    private SparkOptions sparkOptions = new SparkOptions();

    @Option(names = "--serve", description = "After the run, keep the stores up with the dashboard over them and"
            + " its results: print their addresses and a line 'ready', and serve until interrupted (Ctrl-C).")
    private boolean serve;

    @Mixin
    private DashboardOptions dashboardOptions = new DashboardOptions();

    @Override
    public Integer call() throws Exception {
        PipelineSettings settings = pipeline.settings(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (UntilStopped stop = serve ? UntilStopped.install("run") : null;
                Stores stores = Stores.open(storeOptions, storeFolder.folder(spec, storeOptions))) {
            try (StartingSpark spark = StartingSpark.begin(sparkOptions.master, sparkOptions.configuration)) {
                RunSummary summary = new Pipeline(settings, stores, spark).run();
                out.println(stores.describe());
                StoreLoads.skipNotice(stores, summary.stages()).ifPresent(out::println);
                out.print(StageTimer.table(summary.stages()));
                out.print(summary.checks().text());
                out.print(summary.segmentsText());
                out.print(summary.recommendations().text());
                out.println("Results in " + OutputFolder.display(settings.out()) + ": " + ReportStage.REPORT_FILE
                        + ", " + RunSummary.FILE + ", " + ReportStage.CHARTS_FOLDER + "/, parquet/, csv/");
            }
            if (stop != null) {
                keepServing(stores, stop, out);
            }
        }
        return ExitCodes.OK;
    }

    /** The lines {@code serve} prints for the stores and the dashboard, then {@code ready}, until Ctrl-C. */
    private void keepServing(Stores stores, UntilStopped stop, PrintWriter out) throws InterruptedException {
        out.println("mongodb   " + stores.mongo().maskedUri() + " database " + stores.mongo().database());
        out.println("zookeeper " + stores.hbase().zooKeeperAddress() + " znode " + stores.hbase().znodeParent()
                + " table " + stores.hbaseTable());
        out.println("analyze   --mongo-uri " + stores.mongo().maskedUri() + " --zookeeper "
                + stores.hbase().zooKeeperAddress() + " --mongo-partitioner " + stores.mongo().sparkPartitioner());
        try (Dashboard dashboard = dashboardOptions.start(stores, out, spec.commandLine().getErr())) {
            out.println("ready");
            out.flush();
            stop.await();
        }
    }

    /** The options of a pipeline run, shared by {@code run} and {@code bench}. */
    static final class PipelineOptions {
        @Option(names = "--data", description = "An existing dataset folder (default: generate one at --scale).")
        Path data;

        @Option(names = "--scale", defaultValue = "small",
                description = "Scale of the generated dataset: tiny, small or full (default: ${DEFAULT-VALUE}).")
        String scale = "small";

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated dataset (default: ${DEFAULT-VALUE}).")
        long seed = GeneratorSpec.DEFAULT_SEED;

        @Option(names = "--behaviour", defaultValue = "realistic",
                description = "Behaviour of the generated customers: realistic (planted purchase, dropout, spend and"
                        + " segments, scored against ground_truth/) or uniform (the original course generator)"
                        + " (default: ${DEFAULT-VALUE}).")
        String behaviour = "realistic";

        @Option(names = "--out", defaultValue = "output", description = "Results folder: a local path or a Hadoop "
                + "filesystem URI such as hdfs://namenode:8020/ecom/results (default: ${DEFAULT-VALUE}).")
        String out = "output";

        @Option(names = "--horizon-months", defaultValue = "12",
                description = "CLV horizon in months (default: ${DEFAULT-VALUE}).")
        int horizonMonths = 12;

        @Option(names = "--monthly-discount", defaultValue = "0.01",
                description = "CLV monthly discount rate (default: ${DEFAULT-VALUE}).")
        double monthlyDiscount = 0.01;

        @Option(names = "--holdout-share", defaultValue = "0.2",
                description = "Share of the observation period, at its end, held out to check the CLV models: they"
                        + " are fitted on the rest and their predictions compared with what happened"
                        + " (default: ${DEFAULT-VALUE}).")
        double holdoutShare = PipelineSettings.DEFAULT_HOLDOUT_SHARE;

        @Option(names = "--hbase-regions", defaultValue = "4",
                description = "Regions the sessions table is pre-split into (default: ${DEFAULT-VALUE}).")
        int hbaseRegions = 4;

        @Option(names = "--hbase-load", defaultValue = "BUFFERED_MUTATOR",
                description = "How sessions reach HBase: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        LoadMethod hbaseLoad = LoadMethod.BUFFERED_MUTATOR;

        @Option(names = "--mongo-batch-size", defaultValue = "1000",
                description = "Documents per MongoDB bulk write (default: ${DEFAULT-VALUE}).")
        int mongoBatchSize = 1000;

        PipelineSettings settings(CommandSpec spec) {
            CommandArguments.requireFolder(spec, "--data", data);
            if (!(holdoutShare > 0 && holdoutShare < 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--holdout-share " + holdoutShare
                        + " must lie between 0 and 1, for example 0.2 for the last fifth of the period");
            }
            return new PipelineSettings(Optional.ofNullable(data),
                    GenerateCommand.scaleSpecification(spec, scale).withSeed(seed)
                            .withBehaviour(GenerateCommand.behaviour(spec, behaviour)),
                    CommandArguments.outputLocation(spec, out), horizonMonths,
                    monthlyDiscount, holdoutShare, EngagementWeights.DEFAULT, hbaseRegions, hbaseLoad, mongoBatchSize);
        }
    }
}
