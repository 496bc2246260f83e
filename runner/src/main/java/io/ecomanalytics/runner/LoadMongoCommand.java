package io.ecomanalytics.runner;

import io.ecomanalytics.mongo.MongoLoadOptions;
import io.ecomanalytics.mongo.MongoLoadReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Loads users, products, categories and transactions of a dataset folder into MongoDB (idempotent upserts). */
@Command(name = "load-mongo", mixinStandardHelpOptions = true,
        description = "Validate a dataset folder and upsert users, products, categories and transactions into MongoDB"
                + " (an embedded server when no --mongo-uri is given). Re-running it changes nothing.")
final class LoadMongoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, description = "The dataset folder.")
    private Path data;

    @Option(names = "--mongo-batch-size", defaultValue = "1000",
            description = "Documents per bulk write (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private StoreFolderOption storeFolder = new StoreFolderOption();

    @Override
    public Integer call() {
        CommandArguments.requireFolder(spec, "--data", data);
        try (Stores stores = Stores.openMongo(storeOptions, storeFolder.folder(spec, storeOptions))) {
            StageTimer stages = new StageTimer();
            Optional<MongoLoadReport> loaded = StoreLoads.loadMongo(stores, data,
                    MongoLoadOptions.defaults().withBatchSize(batchSize), stages);
            PrintWriter out = spec.commandLine().getOut();
            out.println(stores.describe());
            if (loaded.isEmpty()) {
                out.println(StoreLoads.skipNotice(stores, stages.records()).orElseThrow());
                return ExitCodes.OK;
            }
            MongoLoadReport report = loaded.get();
            report.collections().forEach(collection -> out.println(collection));
            out.printf("read %,d, inserted %,d, updated %,d, unchanged %,d, rejected %,d, failed %,d%n", report.read(),
                    report.inserted(), report.updated(), report.unchanged(), report.rejected(), report.failed());
            return report.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
