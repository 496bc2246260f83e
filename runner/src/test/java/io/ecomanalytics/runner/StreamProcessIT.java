package io.ecomanalytics.runner;

import static io.ecomanalytics.runner.CommandLineProcessIT.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.hbase.HBaseSettings;
import io.ecomanalytics.hbase.SessionStore;
import io.ecomanalytics.mongo.MongoCollectionName;
import io.ecomanalytics.mongo.MongoLoadOptions;
import io.ecomanalytics.mongo.MongoSettings;
import io.ecomanalytics.mongo.MongoStore;
import io.ecomanalytics.testing.TestDatasets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live path as a user runs it, as processes: {@code serve} (stores holding only the reference entities, and
 * the embedded Kafka), {@code replay} of the tiny dataset plus two bad transactions, a {@code stream} killed mid-way
 * and a {@code stream --until-idle} restarted on its checkpoint.
 * The stores must then hold exactly what a batch load of the same dataset holds, {@code live_metrics} revenue must add
 * up to the dataset's revenue by category (a plain Jackson pass), and the bad events must be in
 * {@code ecommerce.rejects} with their rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamProcessIT {
    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration COMMAND = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BATCH_DATABASE = "batch";
    private static final String BATCH_TABLE = "ecommerce:batch_sessions";

    @TempDir
    static Path temp;

    private CommandProcess serve;
    private Path clean;
    private Path replayed;
    private String mongoUri;
    private String zooKeeper;
    private String kafka;
    private int cleanTransactions;
    private int cleanSessions;

    @BeforeAll
    void startServeWithReferenceDataOnly() throws IOException {
        clean = TestDatasets.copyTiny(temp.resolve("clean"));
        cleanTransactions = JsonReference.records(clean.resolve("transactions.json"));
        cleanSessions = sessionFiles(clean).stream().mapToInt(StreamProcessIT::records).sum();
        replayed = TestDatasets.copyTiny(temp.resolve("replayed"));
        addBadTransactions(replayed.resolve("transactions.json"));
        Path references = TestDatasets.copyTiny(temp.resolve("references"));
        Files.writeString(references.resolve("transactions.json"), "[]\n");
        for (Path file : sessionFiles(references)) {
            Files.writeString(file, "[]\n");
        }
        serve = CommandProcess.start("serve", "--data", references.toString());
        serve.awaitOutputLine("'ready'", "ready"::equals, START);
        mongoUri = servedValue("mongodb");
        zooKeeper = servedValue("zookeeper");
        kafka = servedValue("kafka");
    }

    @AfterAll
    void stopServe() {
        if (serve != null) {
            // SIGTERM first, as a user stops it: serve then deletes its HBase folder and Kafka's logs, which a
            // kill would leave in the temporary folder.
            try {
                serve.stop(COMMAND);
            } finally {
                serve.close();
            }
        }
    }

    @Test
    @Order(1)
    void withoutABrokerReplayAndStreamSayWhereToGetOne() {
        CommandProcess.Result replay = CommandProcess.run(COMMAND, "replay", "--data", replayed.toString());
        CommandProcess.Result stream = CommandProcess.run(COMMAND, "stream", "--mongo-uri", mongoUri, "--zookeeper",
                zooKeeper);

        for (CommandProcess.Result result : List.of(replay, stream)) {
            assertThat(result.exitCode()).as(result.printed()).isEqualTo(2);
            // The JVM's own notice about the incubator module is not the command's.
            assertThat(result.err().lines().filter(line -> !line.startsWith("WARNING: Using incubator modules")))
                    .as(result.printed()).first().isEqualTo("error: No Kafka to talk to: start 'serve' in another"
                            + " terminal (it prints 'kafka HOST:PORT') and pass --kafka-bootstrap HOST:PORT.");
            assertNoStackTrace(result.err());
        }
    }

    @Test
    @Order(2)
    void replaySendsEveryTransactionAndSession() {
        CommandProcess.Result replay = CommandProcess.run(COMMAND, "replay", "--data", replayed.toString(),
                "--kafka-bootstrap", kafka);

        assertThat(replay.exitCode()).as(replay.printed()).isZero();
        int transactions = cleanTransactions + 2;
        assertThat(replay.out()).as(replay.printed())
                .contains("replay " + (transactions + cleanSessions) + " / " + (transactions + cleanSessions)
                        + " events")
                .contains("sent " + (transactions + cleanSessions) + " events: " + transactions
                        + " transactions to ecommerce.transactions, " + cleanSessions
                        + " sessions to ecommerce.sessions");
        assertNoStackTrace(replay.err());
    }

    /**
     * A first stream is killed (SIGKILL) once it printed its first micro-batch, mid-way through the backlog; a second
     * one with the same checkpoint finishes. Tests 4 to 6 then find nothing lost and nothing duplicated.
     */
    @Test
    @Order(3)
    void aStreamKilledMidWayAndRestartedOnItsCheckpointFinishesTheBacklog() {
        String checkpoint = temp.resolve("checkpoint").toString();
        try (CommandProcess killed = CommandProcess.start("stream", "--kafka-bootstrap", kafka, "--mongo-uri",
                mongoUri, "--zookeeper", zooKeeper, "--checkpoint", checkpoint, "--trigger", "1",
                "--max-events-per-batch", "40")) {
            killed.awaitOutputLine("a first batch line", line -> line.startsWith("batch 0: "), COMMAND);
        }

        CommandProcess.Result stream = CommandProcess.run(COMMAND, "stream", "--kafka-bootstrap", kafka,
                "--mongo-uri", mongoUri, "--zookeeper", zooKeeper, "--checkpoint", checkpoint, "--trigger", "1",
                "--max-events-per-batch", "80", "--until-idle", "5");

        assertThat(stream.exitCode()).as(stream.printed()).isZero();
        assertThat(stream.out()).as(stream.printed()).contains("checkpoint " + checkpoint);
        assertThat(stream.out().lines().filter(line -> line.startsWith("batch ")).toList()).as(stream.printed())
                .isNotEmpty()
                .allMatch(line -> line.matches(
                        "batch \\d+: [\\d,]+ rows, [\\d,.]+ rows/s, [\\d,]+ ms, watermark \\S+"))
                .noneMatch(line -> line.startsWith("batch 0: "));
        assertThat(stream.out()).as(stream.printed()).containsPattern("stopped after \\d+ batches: read \\d+ events,"
                + " upserted \\d+ transactions and \\d+ sessions, rejected \\d+ \\(to ecommerce.rejects\\)");
        assertNoStackTrace(stream.err());
    }

    @Test
    @Order(4)
    void theStoresHoldWhatABatchLoadOfTheSameDatasetHolds() throws IOException {
        MongoSettings streamed = MongoSettings.of(mongoUri, "ecommerce");
        try (MongoStore batch = MongoStore.connect(MongoSettings.of(mongoUri, BATCH_DATABASE));
                MongoStore live = MongoStore.connect(streamed)) {
            batch.createSchema();
            batch.loader(MongoLoadOptions.defaults()).load(replayed);
            List<Document> expected = sorted(batch, MongoCollectionName.TRANSACTIONS);
            assertThat(expected).hasSize(cleanTransactions);
            assertThat(sorted(live, MongoCollectionName.TRANSACTIONS)).isEqualTo(expected);
        }
        HBaseSettings hbase = HBaseSettings.forZooKeeper(zooKeeper);
        try (SessionStore batch = SessionStore.connect(hbase, BATCH_TABLE)) {
            batch.createTable(replayed, 1);
            batch.load(replayed, RejectSink.DISCARD, batch.loadOptions());
        }
        try (Connection connection = hbase.connect()) {
            Map<String, Map<String, String>> expected = cells(connection, BATCH_TABLE);
            assertThat(expected).hasSize(cleanSessions);
            assertThat(cells(connection, "ecommerce:user_sessions")).isEqualTo(expected);
        }
    }

    @Test
    @Order(5)
    void liveRevenueByCategoryAddsUpToTheDatasetsToTheCent() throws IOException {
        Map<String, BigDecimal> expected = JsonReference.revenueByCategory(clean);
        Map<String, BigDecimal> live = new TreeMap<>();
        long orders = 0;
        try (MongoStore store = MongoStore.connect(MongoSettings.of(mongoUri, "ecommerce"))) {
            for (Document metric : store.database().getCollection("live_metrics").find()) {
                String name = metric.getString("metric");
                Date start = metric.getDate("window_start");
                String key = name.equals("revenue_by_category") ? metric.getString("category_id") : "";
                assertThat(metric.getString("_id")).isEqualTo(name + "|" + start.toInstant() + "|" + key);
                assertThat(metric.getDate("window_end")).isAfter(start);
                // Batches cut the backlog per partition, so one partition's events can trail another's watermark:
                // late events are counted, and still added (the sums below include them).
                assertThat(metric.getLong("late_events")).isNotNegative();
                assertThat(metric.getDate("updated_at")).isNotNull();
                double value = metric.getDouble("value");
                if (name.equals("revenue_by_category")) {
                    live.merge(key, BigDecimal.valueOf(value), BigDecimal::add);
                } else if (name.equals("orders")) {
                    orders += (long) value;
                } else if (name.equals("conversion_rate")) {
                    assertThat(value).isBetween(0.0, 1.0);
                } else {
                    assertThat(name).isEqualTo("active_users");
                    assertThat(value).isPositive();
                }
            }
        }
        assertThat(orders).isEqualTo(cleanTransactions);
        assertThat(live.keySet()).isEqualTo(expected.keySet());
        expected.forEach((category, revenue) -> assertThat(live.get(category).setScale(2, RoundingMode.HALF_UP))
                .as(category).isEqualByComparingTo(revenue));
    }

    @Test
    @Order(6)
    void theBadEventsAreInTheRejectsTopicWithTheirRule() throws IOException {
        List<ConsumerRecord<String, String>> rejects = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "rejects-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("ecommerce.rejects"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (rejects.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(rejects::add);
            }
        }
        Map<String, String> ruleByTransaction = new HashMap<>();
        for (ConsumerRecord<String, String> reject : rejects) {
            JsonNode value = JSON.readTree(reject.value());
            assertThat(value.get("topic").asText()).isEqualTo("ecommerce.transactions");
            assertThat(value.get("message").asText()).isNotBlank();
            JsonNode event = JSON.readTree(value.get("event").asText());
            assertThat(reject.key()).isEqualTo(event.get("user_id").asText());
            ruleByTransaction.put(event.get("transaction_id").asText(), value.get("rule").asText());
        }
        assertThat(ruleByTransaction).containsExactlyInAnyOrderEntriesOf(Map.of(
                "txn_badbadbad001", "enumeration",
                "txn_badbadbad002", "reference"));
    }

    /** Two copies of the first transaction: one paid in a way the vocabulary lacks, one by a user nobody knows. */
    private static void addBadTransactions(Path file) throws IOException {
        ArrayNode transactions = (ArrayNode) JSON.readTree(file.toFile());
        ObjectNode unknownPayment = transactions.get(0).deepCopy();
        unknownPayment.put("transaction_id", "txn_badbadbad001").put("payment_method", "cash");
        ObjectNode unknownUser = transactions.get(0).deepCopy();
        unknownUser.put("transaction_id", "txn_badbadbad002").put("user_id", "user_999999");
        transactions.add(unknownPayment).add(unknownUser);
        JSON.writeValue(file.toFile(), transactions);
    }

    private static List<Document> sorted(MongoStore store, MongoCollectionName collection) {
        return store.collection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
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

    private static List<Path> sessionFiles(Path dataset) throws IOException {
        try (Stream<Path> files = Files.list(dataset)) {
            return files.filter(path -> path.getFileName().toString().startsWith("sessions_")).sorted().toList();
        }
    }

    private static int records(Path file) {
        try {
            return JsonReference.records(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String servedValue(String label) {
        return serve.out().lines().filter(line -> line.startsWith(label + " ")).findFirst()
                .map(line -> line.substring(label.length()).strip().split("\\s+")[0])
                .orElseThrow(() -> new AssertionError("serve printed no '" + label + "' line.\n"
                        + serve.printedSoFar()));
    }
}
