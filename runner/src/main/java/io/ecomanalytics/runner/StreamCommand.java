package io.ecomanalytics.runner;

import io.ecomanalytics.streaming.EventTopics;
import io.ecomanalytics.streaming.LiveStream;
import io.ecomanalytics.streaming.LiveStreamSettings;
import io.ecomanalytics.streaming.StoreTargets;
import io.ecomanalytics.streaming.StreamTotals;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the live path: Kafka events validated and upserted into both stores, with live metrics. */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Read the topics " + EventTopics.TRANSACTIONS + " and " + EventTopics.SESSIONS + " with Spark"
                + " Structured Streaming: validate every event with the batch rules (rejects go to "
                + EventTopics.REJECTS + " with their rule), upsert transactions into MongoDB and sessions into HBase,"
                + " and keep the live metrics in MongoDB collection live_metrics.",
                "Prints one line per micro-batch. Needs the stores and the broker that 'serve' prints."})
final class StreamCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", description = "Checkpoint folder: a restart with the same folder resumes where"
            + " the last run stopped, exactly once (default: a temporary folder, so each run reads the topics from"
            + " the start; the upserts make that harmless).")
    private String checkpoint;

    @Option(names = "--trigger", defaultValue = "2",
            description = "Seconds between micro-batches (default: ${DEFAULT-VALUE}).")
    private double triggerSeconds;

    @Option(names = "--until-idle", description = "Stop once no new event arrived for this many seconds (default:"
            + " run until interrupted).")
    private Double idleSeconds;

    @Option(names = "--watermark-delay", defaultValue = "120",
            description = "Seconds of event time a window stays open behind the latest event; later events are"
                    + " counted as late (and still added) (default: ${DEFAULT-VALUE}).")
    private double watermarkDelaySeconds;

    @Option(names = "--max-events-per-batch", defaultValue = "0",
            description = "The most events one micro-batch reads, 0 for no limit (default: ${DEFAULT-VALUE}).")
    private long maxEventsPerBatch;

    @Mixin
    private KafkaOptions kafkaOptions = new KafkaOptions();

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private SparkOptions sparkOptions = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        String bootstrap = kafkaOptions.required(spec);
        if (storeOptions.mongoUri == null || storeOptions.zooKeeper == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "stream writes into stores that already"
                    + " hold the dataset's users and products: give --mongo-uri and --zookeeper (the addresses"
                    + " 'serve' prints).");
        }
        if (!(triggerSeconds >= 0) || (idleSeconds != null && !(idleSeconds > 0)) || !(watermarkDelaySeconds >= 0)
                || maxEventsPerBatch < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--trigger and --watermark-delay take"
                    + " seconds >= 0, --until-idle seconds > 0, --max-events-per-batch a count >= 0.");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path temporaryCheckpoint = checkpoint == null ? Files.createTempDirectory("ecom-stream-checkpoint-") : null;
        String checkpointLocation = checkpoint == null ? temporaryCheckpoint.toString() : checkpoint;
        Map<String, String> configuration = new LinkedHashMap<>(sparkOptions.configuration);
        // Micro-batches are small: a few shuffle partitions beat Spark's 200 empty ones.
        configuration.putIfAbsent("spark.sql.shuffle.partitions", "4");
        try (Stores stores = Stores.open(storeOptions);
                SparkSession spark = SparkSessions.create(sparkOptions.master, configuration)) {
            LiveStreamSettings settings = new LiveStreamSettings(bootstrap,
                    StoreTargets.of(stores.mongo(), stores.hbase(), stores.hbaseTable()), checkpointLocation,
                    seconds(triggerSeconds), seconds(watermarkDelaySeconds), maxEventsPerBatch);
            out.println("streaming from kafka " + bootstrap + " into " + stores.describe());
            out.println("checkpoint " + checkpointLocation);
            out.flush();
            try (LiveStream stream = LiveStream.start(spark, settings, line -> {
                out.println(line);
                out.flush();
            })) {
                if (idleSeconds == null) {
                    stream.awaitTermination();
                } else {
                    stream.awaitIdle(seconds(idleSeconds));
                }
                StreamTotals totals = stream.totals();
                out.printf(Locale.ROOT, "stopped after %,d batches: read %,d events, upserted %,d transactions and %,d"
                        + " sessions, rejected %,d (to %s)%n", totals.batches(), totals.read(), totals.transactions(),
                        totals.sessions(), totals.rejected(), EventTopics.REJECTS);
            }
        } finally {
            if (temporaryCheckpoint != null) {
                OutputFolder.deleteRecursively(temporaryCheckpoint);
            }
        }
        return ExitCodes.OK;
    }

    private static Duration seconds(double value) {
        return Duration.ofMillis(Math.round(value * 1000));
    }
}
