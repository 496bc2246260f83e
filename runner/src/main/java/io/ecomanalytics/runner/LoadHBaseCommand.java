package io.ecomanalytics.runner;

import io.ecomanalytics.hbase.LoadMethod;
import io.ecomanalytics.hbase.SessionLoadOptions;
import io.ecomanalytics.hbase.SessionLoadReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Loads the sessions of a dataset folder into the HBase sessions table (same keys, same cells on a re-run). */
@Command(name = "load-hbase", mixinStandardHelpOptions = true,
        description = "Load every sessions_N.json of a dataset folder into HBase (an in-process HBase when no"
                + " --zookeeper is given). Re-running it writes the same rows and cells.")
final class LoadHBaseCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, description = "The dataset folder.")
    private Path data;

    @Option(names = "--hbase-regions", defaultValue = "4",
            description = "Regions the table is pre-split into when it is created (default: ${DEFAULT-VALUE}).")
    private int regions;

    @Option(names = "--hbase-load", defaultValue = "BUFFERED_MUTATOR",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private LoadMethod method;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private StoreFolderOption storeFolder = new StoreFolderOption();

    @Override
    public Integer call() {
        CommandArguments.requireFolder(spec, "--data", data);
        try (Stores stores = Stores.openHBase(storeOptions, storeFolder.folder(spec, storeOptions))) {
            StageTimer stages = new StageTimer();
            Optional<SessionLoadReport> loaded = StoreLoads.loadHBase(stores, regions, data,
                    SessionLoadOptions.defaults(stores.hbaseTable()).withMethod(method), stages);
            PrintWriter out = spec.commandLine().getOut();
            out.println(stores.describe());
            if (loaded.isEmpty()) {
                out.println(StoreLoads.skipNotice(stores, stages.records()).orElseThrow());
                return ExitCodes.OK;
            }
            SessionLoadReport report = loaded.get();
            out.println(report);
            return report.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
