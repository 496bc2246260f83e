package io.ecomanalytics.runner;

import io.ecomanalytics.dashboard.Dashboard;
import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.streaming.EmbeddedKafka;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts the stores, loads a dataset and keeps serving, so that people can explore the data with their own tools
 * (mongosh, the HBase shell, a Spark job with {@code analyze}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the embedded MongoDB-protocol server, the in-process HBase and an embedded Kafka (KRaft),"
                + " load a dataset, print their addresses and the dashboard's, then a line 'ready', and serve until"
                + " interrupted (Ctrl-C).",
                "The addresses work with any MongoDB client (mongodb:// URI), any HBase client (ZooKeeper"
                        + " quorum and port) and any Kafka client (bootstrap HOST:PORT, for replay and stream)."})
final class ServeCommand implements Callable<Integer> {
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 60;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", description = "The dataset folder to load (default: generate one at --scale).")
    private Path data;

    @Option(names = "--scale", defaultValue = "tiny",
            description = "Scale of the generated dataset: tiny, small or full (default: ${DEFAULT-VALUE}).")
    private String scale;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated dataset (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private StoreFolderOption storeFolder = new StoreFolderOption();

    @Mixin
    private DashboardOptions dashboardOptions = new DashboardOptions();

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        CommandArguments.requireFolder(spec, "--data", data);
        Optional<Path> store = storeFolder.folder(spec, storeOptions);
        PrintWriter out = spec.commandLine().getOut();
        Path generated = data == null ? Files.createTempDirectory("ecom-serve-") : null;
        Thread hook = new Thread(this::stopAndWait, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Stores stores = Stores.open(storeOptions, store); EmbeddedKafka kafka = EmbeddedKafka.start()) {
            Path folder = data;
            if (generated != null) {
                folder = generated;
                DatasetGenerator.generate(GenerateCommand.scaleSpecification(spec, scale).withSeed(seed), folder,
                        new ProgressLog("generate"));
            }
            StageTimer stages = new StageTimer();
            StoreLoads.loadBoth(stores, folder, stages);
            StoreLoads.skipNotice(stores, stages.records()).ifPresent(out::println);
            out.println("dataset   " + folder.toAbsolutePath());
            out.println("mongodb   " + stores.mongo().maskedUri() + " database " + stores.mongo().database());
            out.println("zookeeper " + stores.hbase().zooKeeperAddress() + " znode " + stores.hbase().znodeParent()
                    + " table " + stores.hbaseTable());
            out.println("analyze   --mongo-uri " + stores.mongo().maskedUri() + " --zookeeper "
                    + stores.hbase().zooKeeperAddress() + " --mongo-partitioner "
                    + stores.mongo().sparkPartitioner());
            out.println("kafka     " + kafka.bootstrapServers());
            try (Dashboard dashboard = dashboardOptions.start(stores, out, spec.commandLine().getErr())) {
                out.println("ready");
                out.flush();
                stopRequested.await();
            }
        } finally {
            if (generated != null) {
                OutputFolder.deleteRecursively(generated);
            }
            closed.countDown();
            removeHook(hook);
        }
        return ExitCodes.OK;
    }

    /** Ends {@link #call()}: the stores close and the command returns 0. */
    void stop() {
        stopRequested.countDown();
    }

    /** On Ctrl-C the JVM does not wait for the main thread: the hook waits for the stores to close. */
    private void stopAndWait() {
        stop();
        try {
            closed.await(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running the hook; nothing to remove.
        }
    }
}
