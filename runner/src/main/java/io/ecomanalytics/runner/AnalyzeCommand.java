package io.ecomanalytics.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The Spark part of the pipeline only, against stores that already hold a dataset (loaded by {@code serve}, say). */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Run the Spark part only (read both stores, analytics, CLV, results, charts, report) against"
                + " running stores given by --mongo-uri and --zookeeper, or the stores kept in --store DIR.")
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RunCommand.PipelineOptions pipeline = new RunCommand.PipelineOptions();

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private StoreFolderOption storeFolder = new StoreFolderOption();

    @Mixin
    private SparkOptions sparkOptions = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        Optional<Path> store = storeFolder.folder(spec, storeOptions);
        if (store.isEmpty() && (storeOptions.mongoUri == null || storeOptions.zooKeeper == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "analyze reads stores that already hold a"
                    + " dataset: give --mongo-uri and --zookeeper (for example the addresses 'serve' prints),"
                    + " or --store DIR of a kept store, or use 'run' to load a dataset into embedded stores first.");
        }
        PipelineSettings settings = pipeline.settings(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (Stores stores = Stores.open(storeOptions, store);
                SparkSession spark = SparkSessions.create(sparkOptions.master, sparkOptions.configuration)) {
            stores.requireLoadedDataset();
            out.println(stores.describe());
            RunSummary summary = new Pipeline(settings, stores, () -> spark).analyze();
            out.print(StageTimer.table(summary.stages()));
            out.print(summary.recommendations().text());
            out.println("Results in " + OutputFolder.display(settings.out()));
        }
        return ExitCodes.OK;
    }
}
