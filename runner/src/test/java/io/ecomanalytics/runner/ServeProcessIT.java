package io.ecomanalytics.runner;

import static io.ecomanalytics.runner.CommandLineProcessIT.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
 * {@code serve} as a process of its own, as the README runs it (at scale {@code tiny}), its dashboard, and the
 * commands that work on the stores it serves, each a process of its own with the addresses {@code serve} printed:
 * {@code load-mongo}, {@code load-hbase}, {@code sql} and {@code analyze}. One {@code serve} serves the whole class;
 * the last test stops it.
 * Expected figures come from plain Jackson passes over the dataset {@code serve} generated and loaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeProcessIT {
    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration COMMAND = Duration.ofMinutes(5);
    private static final Duration STOP = Duration.ofMinutes(2);
    /** How a JVM ends on SIGTERM once its shutdown hooks ran: 128 + the signal's number, 15. */
    private static final int EXIT_CODE_ON_SIGTERM = 128 + 15;

    @TempDir
    static Path temp;

    private CommandProcess serve;
    private Path dataset;
    private String mongoUri;
    private String zooKeeper;
    private List<String> analyzeOptions;

    @BeforeAll
    void startServe() {
        serve = CommandProcess.start("serve", "--scale", "tiny");
        serve.awaitOutputLine("'ready'", "ready"::equals, START);
        dataset = Path.of(servedValue("dataset"));
        mongoUri = servedValue("mongodb");
        zooKeeper = servedValue("zookeeper");
        analyzeOptions = Arrays.asList(serve.out().lines().filter(line -> line.startsWith("analyze "))
                .findFirst().orElseThrow().substring("analyze ".length()).strip().split("\\s+"));
    }

    @AfterAll
    void killServeIfStillRunning() {
        if (serve != null) {
            serve.close();
        }
    }

    /** The first word after {@code label} on the line {@code serve} printed for it. */
    private String servedValue(String label) {
        return serve.out().lines().filter(line -> line.startsWith(label + " ")).findFirst()
                .map(line -> line.substring(label.length()).strip().split("\\s+")[0])
                .orElseThrow(() -> new AssertionError("serve printed no '" + label + "' line.\n"
                        + serve.printedSoFar()));
    }

    private List<String> againstServedStores(String... arguments) {
        List<String> command = new ArrayList<>(Arrays.asList(arguments));
        command.addAll(analyzeOptions);
        return command;
    }

    @Test
    @Order(1)
    void servePrintsAddressesThatTheOtherCommandsTake() {
        assertThat(mongoUri).startsWith("mongodb://127.0.0.1:");
        assertThat(zooKeeper).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(analyzeOptions).containsSubsequence("--mongo-uri", mongoUri).containsSubsequence("--zookeeper",
                zooKeeper);
        assertThat(dataset.resolve("transactions.json")).isRegularFile();
        assertThat(servedValue("kafka")).matches("(localhost|127\\.0\\.0\\.1):\\d+");
        List<String> lines = serve.out().lines().toList();
        assertThat(lines.indexOf("ready")).isGreaterThan(lines.indexOf("kafka     " + servedValue("kafka")));
        assertNoStackTrace(serve.err());
    }

    @Test
    @Order(1)
    void serveStartsTheDashboardBeforeReadyAndItsSummaryHoldsTheDatasetsFigures() throws IOException {
        List<String> lines = serve.out().lines().toList();
        String dashboard = servedValue("dashboard");
        assertThat(dashboard).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(lines.indexOf("dashboard " + dashboard)).as(serve.printedSoFar()).isGreaterThan(0)
                .isLessThan(lines.indexOf("ready"));

        DashboardCalls.Answer summary = DashboardCalls.get(dashboard, "api/summary");

        assertThat(summary.status()).as(summary.body().toString()).isEqualTo(200);
        JsonReference.TransactionTotals expected = JsonReference.transactionTotals(dataset);
        assertThat(summary.body().get("revenue").asText())
                .isEqualTo(expected.revenue().setScale(2, RoundingMode.HALF_UP).toPlainString());
        assertThat(summary.body().get("orders").asLong()).isEqualTo(expected.orders());
        assertThat(summary.body().get("customers").asLong()).isEqualTo(expected.customers());
        int sessions = 0;
        try (Stream<Path> files = Files.list(dataset)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("sessions_")).toList()) {
                sessions += JsonReference.records(file);
            }
        }
        assertThat(summary.body().get("sessions").asLong()).isEqualTo(sessions);
        assertThat(DashboardCalls.get(dashboard, "api/customers/user_0").status()).isEqualTo(400);
        assertThat(serve.err()).doesNotContain("warning");
    }

    @Test
    @Order(2)
    void loadMongoIntoTheServedStoreFindsEveryDocumentUnchanged() throws IOException {
        int documents = 0;
        for (String file : List.of("users.json", "products.json", "categories.json", "transactions.json")) {
            documents += JsonReference.records(dataset.resolve(file));
        }

        CommandProcess.Result load = CommandProcess.run(COMMAND, "load-mongo", "--data", dataset.toString(),
                "--mongo-uri", mongoUri);

        assertThat(load.exitCode()).as(load.printed()).isZero();
        assertThat(load.out()).as(load.printed()).startsWith("MongoDB " + mongoUri + " database ecommerce")
                .contains("read " + documents + ", inserted 0, updated 0, unchanged " + documents
                        + ", rejected 0, failed 0");
        assertNoStackTrace(load.err());
    }

    @Test
    @Order(3)
    void loadHBaseIntoTheServedStoreWritesEverySession() throws IOException {
        int sessions = 0;
        try (Stream<Path> files = Files.list(dataset)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("sessions_")).toList()) {
                sessions += JsonReference.records(file);
            }
        }

        CommandProcess.Result load = CommandProcess.run(COMMAND, "load-hbase", "--data", dataset.toString(),
                "--zookeeper", zooKeeper);

        assertThat(load.exitCode()).as(load.printed()).isZero();
        assertThat(load.out()).as(load.printed()).contains("ZooKeeper " + zooKeeper)
                .contains("read " + sessions + ", written " + sessions);
        assertNoStackTrace(load.err());
    }

    @Test
    @Order(4)
    void sqlOverTheServedStoresPrintsCsvWhoseCountsAreThoseOfTheJson() throws IOException {
        CommandProcess.Result sql = CommandProcess.run(COMMAND, againstServedStores("sql",
                "SELECT payment_method, COUNT(*) AS orders FROM transactions GROUP BY payment_method"
                        + " ORDER BY payment_method", "--format", "CSV").toArray(String[]::new));

        assertThat(sql.exitCode()).as(sql.printed()).isZero();
        List<String> lines = sql.out().lines().toList();
        assertThat(lines).as(sql.printed()).first().isEqualTo("payment_method,orders");
        Map<String, Long> printed = new TreeMap<>();
        lines.stream().skip(1).forEach(line -> {
            String[] values = line.split(",");
            printed.put(values[0], Long.parseLong(values[1]));
        });
        assertThat(printed).isEqualTo(JsonReference.ordersByPaymentMethod(dataset));
        assertNoStackTrace(sql.err());
    }

    @Test
    @Order(5)
    void analyzeOfTheServedStoresWritesRevenueEqualToTheJsonAndTheListsIntoMongoDb() throws IOException {
        Path out = temp.resolve("analysis");

        CommandProcess.Result analyze = CommandProcess.run(COMMAND, againstServedStores("analyze", "--out",
                out.toString()).toArray(String[]::new));

        assertThat(analyze.exitCode()).as(analyze.printed()).isZero();
        assertThat(analyze.out()).as(analyze.printed()).contains("Results in " + out.toAbsolutePath());
        assertThat(analyze.out()).as(analyze.printed()).contains("Recommendations: trained to ");
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("run-summary.json")).isRegularFile();
        assertThat(out.resolve("csv").resolve("customer_clv")).isDirectory();
        Map<String, BigDecimal> expected = JsonReference.revenueByCategory(dataset);
        Map<String, BigDecimal> actual = ResultTables.revenueByCategory(out);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((category, revenue) -> assertThat(actual.get(category)).as(category)
                .isEqualByComparingTo(revenue));
        // The served MongoDB holds one recommendations document per customer with a list: _id = user_id, the list
        // in rank order, as long as the customer's list in the CSV.
        Map<String, Integer> listLengths = new TreeMap<>();
        for (Map<String, String> row : ResultTables.csv(out, "recommendations")) {
            listLengths.merge(row.get("user_id"), 1, Integer::sum);
        }
        Map<String, Integer> documents = new TreeMap<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (Document document : client.getDatabase("ecommerce").getCollection("recommendations").find()) {
                assertThat(document.getString("user_id")).isEqualTo(document.getString("_id"));
                List<Document> list = document.getList("recommendations", Document.class);
                assertThat(list.stream().map(line -> line.getInteger("rank")).toList())
                        .as("ranks of %s", document.getString("_id")).isSorted().startsWith(1);
                documents.put(document.getString("_id"), list.size());
            }
        }
        assertThat(documents).isNotEmpty().isEqualTo(listLengths);
        assertNoStackTrace(analyze.err());
    }

    @Test
    @Order(6)
    void serveStopsOnSigtermAndDeletesTheDatasetItGenerated() {
        CommandProcess.Result stopped = serve.stop(STOP);

        assertThat(stopped.exitCode()).as(stopped.printed()).isEqualTo(EXIT_CODE_ON_SIGTERM);
        assertThat(dataset).as("the generated dataset, deleted by serve's shutdown hook").doesNotExist();
        assertNoStackTrace(stopped.err());
    }
}
