package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.ecomanalytics.hbase.EmbeddedHBase;
import io.ecomanalytics.hbase.HBaseSettings;
import io.ecomanalytics.mongo.EmbeddedMongoServer;
import io.ecomanalytics.mongo.MongoSettings;
import io.ecomanalytics.testing.TestDatasets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The subcommands against running stores, as a user would chain them: load-mongo and load-hbase into stores started
 * here, sql over them, and serve exposing its own stores to ordinary clients. {@code analyze} over running stores is
 * {@link ServeProcessIT}'s, as a process of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreCommandsIT {
    /** The embedded server has no $collStats, which the connector's default partitioner needs. */
    private static final String PAGINATE = MongoSettings.PAGINATE_INTO_PARTITIONS_PARTITIONER;

    @TempDir
    static Path temp;

    private EmbeddedMongoServer mongo;
    private EmbeddedHBase hbase;
    private Path dataset;

    @BeforeAll
    void startStores() throws IOException {
        dataset = TestDatasets.copyTiny(Files.createDirectories(temp.resolve("tiny")));
        mongo = EmbeddedMongoServer.start();
        hbase = EmbeddedHBase.start();
    }

    @AfterAll
    void stopStores() {
        hbase.close();
        mongo.close();
    }

    private record Execution(int exitCode, String out, String err) {
    }

    private static Execution execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Execution(exitCode, out.toString(), err.toString());
    }

    @Test
    @Order(1)
    void loadMongoIsIdempotent() {
        Execution first = execute("load-mongo", "--data", dataset.toString(), "--mongo-uri", mongo.connectionString());
        Execution second = execute("load-mongo", "--data", dataset.toString(), "--mongo-uri", mongo.connectionString());

        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("read 175, inserted 175, updated 0, unchanged 0, rejected 0, failed 0");
        assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.OK);
        assertThat(second.out()).contains("read 175, inserted 0, updated 0, unchanged 175, rejected 0, failed 0");
    }

    @Test
    @Order(2)
    void loadHBaseWritesEverySession() {
        Execution load = execute("load-hbase", "--data", dataset.toString(), "--zookeeper", hbase.zooKeeperAddress());

        assertThat(load.exitCode()).as(load.err()).isEqualTo(ExitCodes.OK);
        assertThat(load.out()).contains("read 100, written 100");
    }

    @Test
    @Order(3)
    void sqlRunsOverTheViewsWithTheDatasetsNames() throws IOException {
        Execution sql = execute("sql", "SELECT category_id, SUM(subtotal) AS revenue FROM transaction_items"
                        + " GROUP BY category_id ORDER BY category_id", "--format", "CSV",
                "--mongo-uri", mongo.connectionString(), "--mongo-partitioner", PAGINATE,
                "--zookeeper", hbase.zooKeeperAddress());

        assertThat(sql.exitCode()).as(sql.err()).isEqualTo(ExitCodes.OK);
        Map<String, BigDecimal> actual = new TreeMap<>();
        sql.out().lines().skip(1).forEach(line -> {
            String[] values = line.split(",");
            actual.put(values[0], new BigDecimal(values[1]));
        });
        Map<String, BigDecimal> expected = JsonReference.revenueByCategory(dataset);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((category, revenue) -> assertThat(actual.get(category)).isEqualByComparingTo(revenue));
    }

    @Test
    @Order(5)
    void wrongCommandLinesAreOneLineUsageErrors() {
        Execution analyze = execute("analyze", "--out", temp.resolve("x").toString());
        Execution missing = execute("load-hbase", "--data", temp.resolve("no-such-folder").toString());

        assertThat(analyze.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(analyze.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("error: analyze reads stores that already hold a dataset: give --mongo-uri and"
                        + " --zookeeper"));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err().lines().findFirst()).hasValue("error: Invalid value for option '--data': "
                + temp.resolve("no-such-folder") + " is not a folder.");
    }

    @Test
    @Order(6)
    void serveExposesItsStoresToOrdinaryClientsUntilStopped() throws Exception {
        StringWriter out = new StringWriter();
        ServeCommand serve = new ServeCommand();
        CommandLine commandLine = new CommandLine(serve);
        commandLine.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> commandLine.execute("--data", dataset.toString()));
        try {
            awaitUntil(() -> out.toString().contains("ready") || exit.isDone(), Duration.ofMinutes(5));
            assertThat(out.toString()).as("serve printed 'ready'; exit %s", exit).contains("ready");
            Map<String, String> addresses = new HashMap<>();
            out.toString().lines().map(line -> line.split("\\s+")).filter(words -> words.length >= 2)
                    .forEach(words -> addresses.put(words[0], words[1]));

            try (MongoClient client = MongoClients.create(addresses.get("mongodb"))) {
                assertThat(client.getDatabase("ecommerce").getCollection("users").countDocuments()).isEqualTo(40);
            }
            try (Connection connection = HBaseSettings.forZooKeeper(addresses.get("zookeeper")).connect();
                    Table table = connection.getTable(TableName.valueOf("ecommerce:user_sessions"));
                    ResultScanner scanner = table.getScanner(new Scan())) {
                int rows = 0;
                for (Result ignored : scanner) {
                    rows++;
                }
                assertThat(rows).isEqualTo(100);
            }
        } finally {
            serve.stop();
        }
        assertThat(exit.get(2, TimeUnit.MINUTES)).isEqualTo(ExitCodes.OK);
    }

    private static void awaitUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }
}
