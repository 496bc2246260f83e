package io.ecomanalytics.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ecomanalytics.data.ProgressListener;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.hbase.EmbeddedHBase;
import io.ecomanalytics.hbase.SessionStore;
import io.ecomanalytics.mongo.EmbeddedMongoServer;
import io.ecomanalytics.mongo.MongoCollectionName;
import io.ecomanalytics.mongo.MongoLoadOptions;
import io.ecomanalytics.mongo.MongoSettings;
import io.ecomanalytics.mongo.MongoStore;
import io.ecomanalytics.testing.LocalTestSpark;
import io.ecomanalytics.testing.TestDatasets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker stops and starts again (same port, same logs) while the stream runs: half of the tiny dataset is
 * replayed before, the stream is stopped by the outage mid-way through it, the other half is replayed after the
 * restart. The stores then hold exactly what a batch load of the dataset holds: nothing lost, nothing duplicated.
 */
class BrokerRestartIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final long POLL_NANOS = Duration.ofMillis(100).toNanos();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BATCH_TABLE = "ecommerce:batch_sessions";

    @TempDir
    Path temp;

    @Test
    void aBrokerRestartedMidStreamLosesAndDuplicatesNothing() throws Exception {
        Path tiny = TestDatasets.copyTiny(temp.resolve("tiny"));
        Path before = half(tiny, temp.resolve("before"), 0);
        Path after = half(tiny, temp.resolve("after"), 1);
        int transactions = JSON.readTree(tiny.resolve("transactions.json").toFile()).size();
        int sessions = JSON.readTree(tiny.resolve("sessions_0.json").toFile()).size()
                + JSON.readTree(tiny.resolve("sessions_1.json").toFile()).size();
        CompletableFuture<EmbeddedHBase> hbaseStarting = CompletableFuture.supplyAsync(EmbeddedHBase::start);
        try (EmbeddedMongoServer mongoServer = EmbeddedMongoServer.start();
                EmbeddedHBase hbase = hbaseStarting.join();
                EmbeddedKafka kafka = EmbeddedKafka.start();
                MongoStore live = MongoStore.connect(MongoSettings.of(mongoServer.connectionString()));
                SessionStore liveSessions = SessionStore.connect(hbase.settings())) {
            live.createSchema();
            live.loader(MongoLoadOptions.defaults()).load(referencesOnly(tiny, temp.resolve("references")));
            liveSessions.createTable(tiny, 1);
            SparkSession spark = LocalTestSpark.session("broker-restart");
            StoreTargets targets = StoreTargets.of(live.settings(), hbase.settings(), liveSessions.tableName());
            LiveStreamSettings settings = new LiveStreamSettings(kafka.bootstrapServers(), targets,
                    temp.resolve("checkpoint").toString(), Duration.ofMillis(500),
                    LiveStreamSettings.DEFAULT_WATERMARK_DELAY, 40);
            long firstHalf = EventReplay.replay(before, kafka.bootstrapServers(), ReplayPace.asFastAsPossible(),
                    ProgressListener.NONE).total();

            StreamTotals totals;
            try (LiveStream stream = LiveStream.start(spark, settings, line -> { })) {
                awaitTrue("a first micro-batch", () -> stream.totals().batches() > 0);
                kafka.stopBroker();
                long readBeforeOutage = stream.totals().read();
                assertThat(readBeforeOutage).as("events stored before the outage").isLessThan(firstHalf);
                String port = kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1);
                assertThat(accepts(Integer.parseInt(port))).as("the stopped broker's port").isFalse();
                // The stream keeps triggering: it now waits on the broker for the next offsets.
                StreamingQuery query = Arrays.stream(spark.streams().active())
                        .filter(active -> "ecommerce-live".equals(active.name())).findFirst().orElseThrow();
                awaitTrue("the stream asking the stopped broker for offsets",
                        () -> query.status().isTriggerActive() && query.status().message().startsWith("Getting"));

                kafka.startBroker();
                EventReplay.replay(after, kafka.bootstrapServers(), ReplayPace.asFastAsPossible(),
                        ProgressListener.NONE);
                awaitTrue("every event stored", () -> stream.totals().read() >= transactions + sessions);
                stream.awaitIdle(Duration.ofSeconds(2));
                totals = stream.totals();
            }

            assertThat(totals.read()).isEqualTo(transactions + sessions);
            assertThat(totals.transactions()).isEqualTo(transactions);
            assertThat(totals.sessions()).isEqualTo(sessions);
            assertThat(totals.rejected()).isZero();
            try (MongoStore batch = MongoStore.connect(MongoSettings.of(mongoServer.connectionString(), "batch"))) {
                batch.createSchema();
                batch.loader(MongoLoadOptions.defaults()).load(tiny);
                List<Document> expected = sorted(batch);
                assertThat(expected).hasSize(transactions);
                assertThat(sorted(live)).isEqualTo(expected);
            }
            try (SessionStore batch = SessionStore.connect(hbase.settings(), BATCH_TABLE)) {
                batch.createTable(tiny, 1);
                batch.load(tiny, RejectSink.DISCARD, batch.loadOptions());
            }
            try (Connection connection = hbase.settings().connect()) {
                Map<String, Map<String, String>> expected = cells(connection, BATCH_TABLE);
                assertThat(expected).hasSize(sessions);
                assertThat(cells(connection, liveSessions.tableName())).isEqualTo(expected);
            }
            double orders = 0;
            for (Document metric : live.database().getCollection(LiveMetricsWriter.METRICS)
                    .find(new Document("metric", LiveMetric.ORDERS.wireName()))) {
                orders += metric.getDouble("value");
            }
            assertThat(orders).as("orders over every live window").isEqualTo(transactions);
        }
    }

    /** The dataset with half of its events: the first or second half of the transactions, one sessions file. */
    private static Path half(Path dataset, Path folder, int which) throws IOException {
        Path copy = TestDatasets.copyTiny(folder);
        ArrayNode all = (ArrayNode) JSON.readTree(dataset.resolve("transactions.json").toFile());
        ArrayNode part = JSON.createArrayNode();
        int middle = all.size() / 2;
        for (int i = which == 0 ? 0 : middle; i < (which == 0 ? middle : all.size()); i++) {
            part.add(all.get(i));
        }
        JSON.writeValue(copy.resolve("transactions.json").toFile(), part);
        Files.writeString(copy.resolve("sessions_" + (1 - which) + ".json"), "[]\n");
        return copy;
    }

    private static Path referencesOnly(Path dataset, Path folder) throws IOException {
        Path copy = TestDatasets.copyTiny(folder);
        for (String file : List.of("transactions.json", "sessions_0.json", "sessions_1.json")) {
            Files.writeString(copy.resolve(file), "[]\n");
        }
        return copy;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waiting for " + what).isNegative();
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static List<Document> sorted(MongoStore store) {
        return store.collection(MongoCollectionName.TRANSACTIONS).find().sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    /** Every cell of a table: row key -> family:qualifier -> value, as text. */
    private static Map<String, Map<String, String>> cells(Connection connection, String table) throws IOException {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        try (Table handle = connection.getTable(TableName.valueOf(table));
                ResultScanner scanner = handle.getScanner(new Scan())) {
            for (Result result : scanner) {
                Map<String, String> row = new TreeMap<>();
                for (Cell cell : result.rawCells()) {
                    row.put(Bytes.toString(CellUtil.cloneFamily(cell)) + ":"
                            + Bytes.toString(CellUtil.cloneQualifier(cell)), Bytes.toStringBinary(
                            CellUtil.cloneValue(cell)));
                }
                rows.put(Bytes.toStringBinary(result.getRow()), row);
            }
        }
        return rows;
    }
}
