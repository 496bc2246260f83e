package io.ecomanalytics.runner;

import io.ecomanalytics.data.DatasetGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
        description = {"Start the embedded MongoDB-protocol server and the in-process HBase, load a dataset, print"
                + " their addresses and a line 'ready', and serve until interrupted (Ctrl-C).",
                "The addresses work with any MongoDB client (mongodb:// URI) and any HBase client (ZooKeeper"
                        + " quorum and port)."})
final class ServeCommand implements Callable<Integer> {
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

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        CommandArguments.requireFolder(spec, "--data", data);
        PrintWriter out = spec.commandLine().getOut();
        Stores stores = Stores.open(storeOptions);
        Path generated = data == null ? Files.createTempDirectory("ecom-serve-") : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stores.close();
            if (generated != null) {
                try {
                    OutputFolder.deleteRecursively(generated);
                } catch (java.io.IOException e) {
                    System.err.println("Cannot delete the generated dataset " + generated + ": " + e.getMessage());
                }
            }
            stopped.countDown();
        }, "serve-shutdown"));
        Path folder = data;
        if (generated != null) {
            folder = generated;
            DatasetGenerator.generate(GenerateCommand.scaleSpecification(spec, scale).withSeed(seed), folder,
                    new ProgressLog("generate"));
        }
        StageTimer stages = new StageTimer();
        StoreLoads.loadMongo(stores.mongo(), folder, io.ecomanalytics.mongo.LoadOptions.defaults(), stages);
        StoreLoads.loadHBase(stores.hbase(), stores.hbaseTable(), 4, folder,
                io.ecomanalytics.hbase.LoadOptions.defaults(stores.hbaseTable()), stages);
        out.println("dataset   " + folder.toAbsolutePath());
        out.println("mongodb   " + stores.mongo().maskedUri() + " database " + stores.mongo().database());
        out.println("zookeeper " + stores.hbase().zooKeeperAddress() + " znode " + stores.hbase().znodeParent()
                + " table " + stores.hbaseTable());
        out.println("analyze   --mongo-uri " + stores.mongo().maskedUri() + " --zookeeper "
                + stores.hbase().zooKeeperAddress());
        out.println("ready");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
