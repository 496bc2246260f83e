package io.ecomanalytics.streaming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.ProgressListener;
import io.ecomanalytics.hbase.EmbeddedHBase;
import io.ecomanalytics.hbase.SessionStore;
import io.ecomanalytics.mongo.EmbeddedMongoServer;
import io.ecomanalytics.mongo.MongoCollectionName;
import io.ecomanalytics.mongo.MongoLoadOptions;
import io.ecomanalytics.mongo.MongoSettings;
import io.ecomanalytics.mongo.MongoStore;
import io.ecomanalytics.testing.LocalTestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.sql.SparkSession;
import org.bson.Document;

/**
 * Prints the live path's figures on this machine: sustained events/s of replay -> stream -> both stores (a backlog
 * replayed as fast as possible, then streamed), and the end-to-end latency (Kafka record timestamp -> the transaction
 * visible in MongoDB) at a fixed replay rate, p50 and p95. Everything is embedded in this JVM (Kafka, MongoDB-protocol
 * server, HBase, Spark local[2]), which is what a 2-core machine runs, so the figures are a floor for real servers.
 * It prints figures and never fails on timing.
 *
 * <p>Run from the repository root after {@code mvn -B -q -pl streaming -am test-compile
 * dependency:build-classpath -Dmdep.outputFile=/tmp/streaming-cp.txt -Dmdep.includeScope=test}:
 * {@code java $(cat .mvn/jvm.config) -Xmx6g -cp "streaming/target/test-classes:streaming/target/classes:..."
 * io.ecomanalytics.streaming.StreamBenchmark [scale] [rate] [backlog factor] [events per batch] [days]} (default
 * {@code small}, 1000 events/s, a backlog of 3 times the scale's transactions and sessions, 10,000 events per batch,
 * the scale's period of activity).
 */
public final class StreamBenchmark {
    private static final Duration IDLE = Duration.ofSeconds(8);
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Pattern BATCH_LINE = Pattern.compile("batch \\d+: ([\\d,]+) rows");

    private StreamBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        String scale = arguments.length > 0 ? arguments[0] : "small";
        double rate = arguments.length > 1 ? Double.parseDouble(arguments[1]) : 1000;
        int backlogFactor = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 3;
        long eventsPerBatch = arguments.length > 3 ? Long.parseLong(arguments[3]) : 10_000;
        GeneratorSpec spec = GeneratorSpec.scale(scale);
        // Fewer days pack more events into each metric window, as a live feed does (the scales spread them widely).
        int days = arguments.length > 4 ? Integer.parseInt(arguments[4]) : spec.periodDays();
        Path work = Files.createTempDirectory("stream-bench-");
        // The backlog: the scale's users, products and categories with more transactions and sessions; the paced
        // run replays the scale's own number of them (the backlog's first ones).
        Path backlogDataset = work.resolve("backlog");
        DatasetGenerator.generate(spec.withPeriod(spec.periodEnd(), days).withTransactions(spec.transactions() * backlogFactor)
                .withSessions(spec.sessions() * backlogFactor)
                .withSessionsPerFile((int) (spec.sessions() * backlogFactor)), backlogDataset, ProgressListener.NONE);
        Path dataset = firstEvents(backlogDataset, work.resolve("dataset"), spec);
        Path references = referencesOnly(dataset, work.resolve("references"));
        CompletableFuture<EmbeddedHBase> hbaseStarting = CompletableFuture.supplyAsync(EmbeddedHBase::start);
        try (EmbeddedMongoServer mongoServer = EmbeddedMongoServer.start();
                EmbeddedHBase hbase = hbaseStarting.join();
                MongoStore mongo = MongoStore.connect(MongoSettings.of(mongoServer.connectionString()));
                SessionStore sessions = SessionStore.connect(hbase.settings())) {
            mongo.createSchema();
            mongo.loader(MongoLoadOptions.defaults()).load(references);
            sessions.createTable(dataset, 4);
            SparkSession spark = LocalTestSpark.session("stream-benchmark");
            StoreTargets targets = StoreTargets.of(mongo.settings(), hbase.settings(), sessions.tableName());

            try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
                ReplayReport backlog = EventReplay.replay(backlogDataset, kafka.bootstrapServers(),
                        ReplayPace.asFastAsPossible(), ProgressListener.NONE);
                List<long[]> batches = new ArrayList<>();
                long start = System.nanoTime();
                StreamTotals totals;
                try (LiveStream stream = LiveStream.start(spark, settings(kafka, targets, work.resolve("c1"),
                        eventsPerBatch), line -> batchEnded(line, batches))) {
                    stream.awaitIdle(IDLE);
                    totals = stream.totals();
                }
                double seconds = (System.nanoTime() - start) / 1e9 - IDLE.toSeconds();
                System.out.printf(Locale.ROOT, "%s: replay of %,d events as fast as possible: %,.0f events/s%n",
                        scale, backlog.total(), backlog.eventsPerSecond());
                System.out.printf(Locale.ROOT, "%s x%d over %d days: stream of the %,d-event backlog (%,d batches of"
                        + " at most %,d) into both stores: %.1f s, %,.0f events/s (Spark's first batch included, idle"
                        + " wait excluded)%n", scale, backlogFactor, days, totals.read(), totals.batches(),
                        eventsPerBatch, seconds, totals.read() / seconds);
                synchronized (batches) {
                    if (batches.size() > 1) {
                        long first = batches.get(0)[1];
                        long[] last = batches.get(batches.size() - 1);
                        long rows = batches.stream().skip(1).mapToLong(batch -> batch[0]).sum();
                        double sustained = (last[1] - first) / 1e9;
                        System.out.printf(Locale.ROOT, "%s x%d: first batch %,d events (Spark's warm-up); the next"
                                + " %d batches: %,d events in %.1f s, %,.0f events/s sustained%n", scale,
                                backlogFactor, batches.get(0)[0], batches.size() - 1, rows, sustained,
                                rows / sustained);
                    }
                }
            }

            // A fresh broker, so that the latency run reads only the paced events.
            mongo.collection(MongoCollectionName.TRANSACTIONS).drop();
            try (EmbeddedKafka kafka = EmbeddedKafka.start();
                    LiveStream stream = LiveStream.start(spark, settings(kafka, targets, work.resolve("c2"), 0),
                            line -> { })) {
                Map<String, Long> visible = new HashMap<>();
                CompletableFuture<ReplayReport> paced = CompletableFuture.supplyAsync(() -> EventReplay.replay(
                        dataset, kafka.bootstrapServers(), ReplayPace.eventsPerSecond(rate), ProgressListener.NONE));
                watch(mongo, visible, paced);
                stream.awaitIdle(IDLE);
                List<Long> latencies = latencies(kafka.bootstrapServers(), visible, paced.join().transactions());
                latencies.sort(Long::compare);
                System.out.printf(Locale.ROOT, "%s: latency at %,.0f events/s, Kafka -> MongoDB, %,d transactions"
                        + " after a %d s warm-up: p50 %,d ms, p95 %,d ms, max %,d ms%n", scale, rate,
                        latencies.size(), WARM_UP.toSeconds(), percentile(latencies, 0.50),
                        percentile(latencies, 0.95), latencies.get(latencies.size() - 1));
            }
            spark.stop();
        }
    }

    private static LiveStreamSettings settings(EmbeddedKafka kafka, StoreTargets targets, Path checkpoint,
            long eventsPerBatch) {
        return new LiveStreamSettings(kafka.bootstrapServers(), targets, checkpoint.toString(), Duration.ofMillis(500),
                LiveStreamSettings.DEFAULT_WATERMARK_DELAY, eventsPerBatch);
    }

    /** Notes the rows of a progress line ({@code batch N: R rows, ...}) and when it arrived, at the batch's end. */
    private static void batchEnded(String line, List<long[]> batches) {
        Matcher matcher = BATCH_LINE.matcher(line);
        if (matcher.lookingAt()) {
            synchronized (batches) {
                batches.add(new long[] {Long.parseLong(matcher.group(1).replace(",", "")), System.nanoTime()});
            }
        }
    }

    /** Polls MongoDB for new transaction ids and notes when each became visible, until the replay ended and idled. */
    private static void watch(MongoStore mongo, Map<String, Long> visible, CompletableFuture<ReplayReport> replay) {
        long quietSince = 0;
        while (true) {
            int before = visible.size();
            long now = System.currentTimeMillis();
            for (Document document : mongo.collection(MongoCollectionName.TRANSACTIONS).find()
                    .projection(new Document("_id", 1))) {
                visible.putIfAbsent(document.getString("_id"), now);
            }
            if (visible.size() == before && replay.isDone()) {
                quietSince = quietSince == 0 ? now : quietSince;
                if (now - quietSince > IDLE.toMillis()) {
                    return;
                }
            } else {
                quietSince = 0;
            }
            // The polling cadence is the resolution of the visibility time; free the core for the stream meanwhile.
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private static List<Long> latencies(String bootstrap, Map<String, Long> visible, long transactions) {
        List<Long> latencies = new ArrayList<>();
        Map<String, Long> sent = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "latency",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(EventTopics.TRANSACTIONS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sent.size() < transactions && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String id = record.value().substring(record.value().indexOf("txn_"),
                            record.value().indexOf("txn_") + 16);
                    sent.put(id, record.timestamp());
                }
            }
        }
        long firstSent = sent.values().stream().mapToLong(Long::longValue).min().orElse(0);
        sent.forEach((id, timestamp) -> {
            Long seen = visible.get(id);
            if (seen != null && timestamp >= firstSent + WARM_UP.toMillis()) {
                latencies.add(seen - timestamp);
            }
        });
        return latencies;
    }

    private static long percentile(List<Long> sorted, double fraction) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(fraction * sorted.size()) - 1));
    }

    /** A copy of the dataset with only its first transactions and sessions, as many as {@code spec} has. */
    private static Path firstEvents(Path dataset, Path folder, GeneratorSpec spec) throws Exception {
        Files.createDirectories(folder);
        for (String file : List.of("users.json", "products.json", "categories.json")) {
            Files.copy(dataset.resolve(file), folder.resolve(file));
        }
        ObjectMapper json = new ObjectMapper();
        for (String file : List.of("transactions.json", "sessions_0.json")) {
            ArrayNode all = (ArrayNode) json.readTree(dataset.resolve(file).toFile());
            long keep = file.startsWith("transactions") ? spec.transactions() : spec.sessions();
            ArrayNode first = json.createArrayNode();
            for (int i = 0; i < keep && i < all.size(); i++) {
                first.add(all.get(i));
            }
            json.writeValue(folder.resolve(file).toFile(), first);
        }
        return folder;
    }

    private static Path referencesOnly(Path dataset, Path folder) throws Exception {
        Files.createDirectories(folder);
        for (String file : List.of("users.json", "products.json", "categories.json")) {
            Files.copy(dataset.resolve(file), folder.resolve(file));
        }
        Files.writeString(folder.resolve("transactions.json"), "[]\n");
        Files.writeString(folder.resolve("sessions_0.json"), "[]\n");
        return folder;
    }
}
