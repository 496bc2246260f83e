package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecomanalytics.testing.TestDatasets;
import io.ecomanalytics.transforms.Analytic;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that needs no running stores, started as a user starts it: a JVM of its own ({@link CommandProcess}),
 * its stdout, stderr and exit code as a terminal sees them. The README's example commands run here with temporary
 * folders for their {@code /tmp} paths; {@code serve} and the commands that use its stores are in
 * {@link ServeProcessIT}. Expected figures come from plain Jackson passes over the dataset's JSON files, the README's
 * scale table and the published CDNOW fit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandLineProcessIT {
    private static final Duration QUICK = Duration.ofMinutes(1);
    private static final Duration PIPELINE = Duration.ofMinutes(5);
    /** How a JVM ends on SIGTERM once its shutdown hooks ran: 128 + the signal's number, 15. */
    private static final int EXIT_CODE_ON_SIGTERM = 128 + 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The JVM's own notice for {@code --add-modules=jdk.incubator.vector} in {@code .mvn/jvm.config}. */
    private static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";
    private static final String PAYMENT_METHOD_QUERY =
            "SELECT payment_method, COUNT(*) AS orders FROM transactions GROUP BY payment_method";

    @TempDir
    static Path temp;

    private Path tiny;

    @BeforeAll
    void copyTheCommittedTinyDataset() {
        tiny = TestDatasets.copyTiny(temp.resolve("tiny"));
    }

    /** Standard error without the JVM's notice: the lines the command itself printed. */
    static List<String> commandErrorLines(CommandProcess.Result result) {
        return result.err().lines().filter(line -> !line.equals(INCUBATOR_NOTICE)).toList();
    }

    /** A user sees no stack trace and no Java class name, whatever went wrong. */
    static void assertNoJavaInternals(String printed) {
        assertNoStackTrace(printed);
        assertThat(printed).doesNotContain("io.ecomanalytics").doesNotContain("java.");
    }

    /** Progress lines may name a connector class; a stack trace never belongs on a terminal. */
    static void assertNoStackTrace(String printed) {
        assertThat(printed).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void helpListsEveryCommandAndTheExitCodesOnStdout() {
        CommandProcess.Result help = CommandProcess.run(QUICK, "--help");

        assertThat(help.exitCode()).as(help.printed()).isZero();
        assertThat(help.out()).startsWith("Usage: ecom-analytics")
                .contains("Exit codes: 0 success, 1 a run failed, 2 a wrong command line.");
        for (String command : List.of("run", "generate", "load-mongo", "load-hbase", "analyze", "clv-fit", "sql",
                "serve", "bench", "recommend", "replay", "stream")) {
            assertThat(help.out()).as(help.printed()).containsPattern("(?m)^\\s+" + command + "\\s");
        }
        assertThat(commandErrorLines(help)).isEmpty();
    }

    @Test
    void versionPrintsTheProjectAndTheSparkVersion() {
        CommandProcess.Result version = CommandProcess.run(QUICK, "--version");

        assertThat(version.exitCode()).as(version.printed()).isZero();
        assertThat(version.out().lines().toList()).as(version.printed()).hasSize(2)
                .satisfies(lines -> assertThat(lines.get(0)).matches("ecom-analytics \\S+"))
                .satisfies(lines -> assertThat(lines.get(1))
                        .isEqualTo("Spark " + System.getProperty("ecom.process.sparkVersion")));
        assertThat(commandErrorLines(version)).isEmpty();
    }

    /** A wrong command line, what stderr must say first and the command its hint names. */
    record UsageError(List<String> arguments, String firstLine, String command) {
        @Override
        public String toString() {
            return String.join(" ", arguments);
        }
    }

    static Stream<UsageError> usageErrors() {
        String missingFolder = temp.resolve("no-such-folder").toString();
        return Stream.of(
                new UsageError(List.of("--no-such-option"), "error: Unknown option: '--no-such-option'",
                        "ecom-analytics"),
                new UsageError(List.of("no-such-command"), "error: Unmatched argument at index 0: 'no-such-command'",
                        "ecom-analytics"),
                new UsageError(List.of("generate", "--out"),
                        "error: Missing required parameter for option '--out' (<out>)", "ecom-analytics generate"),
                new UsageError(List.of("sql"), "error: Missing required parameter: 'QUERY'", "ecom-analytics sql"),
                new UsageError(List.of("run", "--data", missingFolder),
                        "error: Invalid value for option '--data': " + missingFolder + " is not a folder.",
                        "ecom-analytics run"),
                new UsageError(List.of("sql", PAYMENT_METHOD_QUERY, "--data", missingFolder),
                        "error: Invalid value for option '--data': " + missingFolder + " is not a folder.",
                        "ecom-analytics sql"),
                new UsageError(List.of("run", "--store", missingFolder, "--mongo-uri", "mongodb://127.0.0.1:1"),
                        "error: --store keeps the embedded stores: give either --store or --mongo-uri and"
                                + " --zookeeper (also set as ECOM_MONGO_URI, ECOM_ZOOKEEPER), not both.",
                        "ecom-analytics run"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void aWrongCommandLineIsOneLineAndAUsageHintWithExitCodeTwo(UsageError usage) {
        CommandProcess.Result result = CommandProcess.run(QUICK, usage.arguments().toArray(String[]::new));

        assertThat(result.exitCode()).as(result.printed()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        List<String> lines = commandErrorLines(result);
        assertThat(lines).as(result.printed()).hasSizeBetween(2, 3).first().isEqualTo(usage.firstLine());
        assertThat(lines).last().isEqualTo("Try '" + usage.command() + " --help' for usage.");
        assertNoJavaInternals(result.err());
    }

    @Test
    void generateWritesTheTinyScaleOfTheReadmeAndSaysWhere() throws IOException {
        Path out = temp.resolve("generated");

        CommandProcess.Result generate = CommandProcess.run(QUICK, "generate", "--scale", "tiny", "--out",
                out.toString());

        assertThat(generate.exitCode()).as(generate.printed()).isZero();
        assertThat(generate.out()).as(generate.printed()).startsWith("Generated " + out + " in ")
                .contains(": 40 users, 30 products, 5 categories, 100 transactions, 100 sessions in 6 files");
        // The README's scale table: tiny is 40 users, 30 products, 5 categories, 100 transactions, 100 sessions.
        assertThat(JsonReference.records(out.resolve("users.json"))).isEqualTo(40);
        assertThat(JsonReference.records(out.resolve("products.json"))).isEqualTo(30);
        assertThat(JsonReference.records(out.resolve("categories.json"))).isEqualTo(5);
        assertThat(JsonReference.records(out.resolve("transactions.json"))).isEqualTo(100);
        assertThat(JsonReference.records(out.resolve("sessions_0.json"))
                + JsonReference.records(out.resolve("sessions_1.json"))).isEqualTo(100);
        // The default behaviour is realistic: the planted truth lies beside the dataset, one line per user.
        assertThat(out.resolve("ground_truth").resolve("parameters.json")).isRegularFile();
        assertThat(Files.readAllLines(out.resolve("ground_truth").resolve("users.jsonl"))).hasSize(40);
        assertNoStackTrace(generate.err());
    }

    @Test
    void generateUniformIsTheCommittedTinyDatasetByteForByte() {
        Path out = temp.resolve("generated-uniform");

        CommandProcess.Result generate = CommandProcess.run(QUICK, "generate", "--scale", "tiny", "--behaviour",
                "uniform", "--out", out.toString());

        assertThat(generate.exitCode()).as(generate.printed()).isZero();
        for (String file : TestDatasets.TINY_FILES) {
            assertThat(out.resolve(file)).as(file).hasSameBinaryContentAs(tiny.resolve(file));
        }
        assertThat(out.resolve("ground_truth")).doesNotExist();
        assertNoStackTrace(generate.err());
    }

    @Test
    void clvFitOfTheReadmeGivesThePublishedCdnowParameters() throws IOException {
        Path out = temp.resolve("clv");

        CommandProcess.Result fit = CommandProcess.run(QUICK, "clv-fit", "--input",
                "clv-model/src/test/resources/cdnow/CDNOW_sample.txt", "--format", "cdnow", "--calibration-end",
                "1997-09-30", "--out", out.toString());

        assertThat(fit.exitCode()).as(fit.printed()).isZero();
        JsonNode result = JSON.readTree(fit.out());
        // Fader, Hardie & Lee (2005) and the lifetimes documentation for the CDNOW sample (2,357 customers).
        JsonNode purchases = result.get("bg_nbd");
        assertThat(purchases.get("customers").asInt()).isEqualTo(2357);
        assertThat(purchases.get("log_likelihood").asDouble()).isCloseTo(-9582.429, within(0.01));
        assertThat(purchases.at("/parameters/r").asDouble()).isCloseTo(0.2425945, within(0.2425945e-3));
        assertThat(purchases.at("/parameters/alpha").asDouble()).isCloseTo(4.4136019, within(4.4136019e-3));
        assertThat(purchases.at("/parameters/a").asDouble()).isCloseTo(0.7929199, within(0.7929199e-3));
        assertThat(purchases.at("/parameters/b").asDouble()).isCloseTo(2.4258881, within(2.4258881e-3));
        JsonNode spend = result.get("gamma_gamma");
        assertThat(spend.at("/parameters/p").asDouble()).isCloseTo(6.25, within(0.02));
        assertThat(spend.at("/parameters/q").asDouble()).isCloseTo(3.74, within(0.02));
        assertThat(spend.at("/parameters/gamma").asDouble()).isCloseTo(15.44, within(0.02));
        try (Stream<Path> written = Files.list(out)) {
            assertThat(written).isNotEmpty();
        }
        assertNoStackTrace(fit.err());
    }

    @Test
    void sqlOfTheReadmePrintsATableWhoseCountsAreThoseOfTheJson() throws IOException {
        CommandProcess.Result sql = CommandProcess.run(PIPELINE, "sql", PAYMENT_METHOD_QUERY, "--data",
                tiny.toString());

        assertThat(sql.exitCode()).as(sql.printed()).isZero();
        List<String> lines = sql.out().lines().toList();
        assertThat(lines).as(sql.printed()).isNotEmpty();
        assertThat(lines.get(0)).matches("payment_method\\s*\\|\\s*orders\\s*");
        Map<String, Long> printed = new TreeMap<>();
        lines.stream().skip(2).filter(line -> line.contains("|")).forEach(line -> {
            String[] cells = line.split("\\|");
            printed.put(cells[0].strip(), Long.parseLong(cells[1].strip()));
        });
        Map<String, Long> expected = JsonReference.ordersByPaymentMethod(tiny);
        assertThat(printed).isEqualTo(expected);
        assertThat(lines).last().isEqualTo(expected.size() + " rows");
        assertNoStackTrace(sql.err());
    }

    /**
     * The README's run, with {@code --serve} so that one tiny run also proves {@code run --serve}: the results are
     * written, then the stores stay up with the dashboard over them (and over the run's customer_clv) until SIGTERM.
     * {@code --http-bind localhost} is the loopback under another name: it must print the warning.
     */
    @Test
    void runOfTheReadmeReportsEachStageWritesTheResultsAndWithServeKeepsThemServed() throws IOException {
        Path out = temp.resolve("run-tiny");
        // The run generates the same dataset as generate does for the same scale and seed.
        Path dataset = temp.resolve("run-tiny-dataset");
        CommandProcess.Result generate = CommandProcess.run(QUICK, "generate", "--scale", "tiny", "--out",
                dataset.toString());
        assertThat(generate.exitCode()).as(generate.printed()).isZero();

        try (CommandProcess run = CommandProcess.start("run", "--scale", "tiny", "--out", out.toString(), "--serve",
                "--http-bind", "localhost")) {
            run.awaitOutputLine("'ready'", "ready"::equals, PIPELINE);

            for (String stage : List.of("generate", "validate", "load-mongo", "load-hbase", "spark-read", "clv",
                    "recommendations", "write-results", "charts-report")) {
                assertThat(run.err()).as(run.printedSoFar()).contains(" " + stage);
                assertThat(run.out()).as(run.printedSoFar()).containsPattern("(?m)^\\s*" + stage + "\\s");
            }
            assertThat(run.out()).contains("Results in " + out.toAbsolutePath());
            assertThat(out.resolve("report.html")).isRegularFile();
            assertThat(out.resolve("run-summary.json")).isRegularFile();
            Map<String, BigDecimal> expected = JsonReference.revenueByCategory(dataset);
            Map<String, BigDecimal> actual = ResultTables.revenueByCategory(out);
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            expected.forEach((category, revenue) -> assertThat(actual.get(category)).as(category)
                    .isEqualByComparingTo(revenue));

            List<String> lines = run.out().lines().toList();
            String dashboard = lines.stream().filter(line -> line.startsWith("dashboard ")).findFirst()
                    .map(line -> line.substring("dashboard ".length())).orElseThrow(() -> new AssertionError(
                            "run --serve printed no dashboard line.\n" + run.printedSoFar()));
            assertThat(dashboard).matches("http://127\\.0\\.0\\.1:\\d+/");
            assertThat(lines).containsSubsequence("dashboard " + dashboard, "ready");
            assertThat(lines).anyMatch(line -> line.startsWith("mongodb   mongodb://127.0.0.1:"));
            assertThat(run.err()).contains("warning: the dashboard listens on localhost, not 127.0.0.1");

            DashboardCalls.Answer customers = DashboardCalls.get(dashboard, "api/customers?sort=clv");
            assertThat(customers.status()).as(customers.body().toString()).isEqualTo(200);
            assertThat(customers.body().get("total").asLong())
                    .isEqualTo(JsonReference.transactionTotals(dataset).customers());
            JsonNode mostValuable = customers.body().get("customers").get(0);
            // customer_clv, written by this run, reaches the dashboard: CLV, P(alive) and the RFM segment.
            assertThat(mostValuable.get("clv").asText()).matches("\\d+\\.\\d{2}");
            assertThat(mostValuable.get("probability_alive").asDouble()).isBetween(0.0, 1.0);
            assertThat(mostValuable.get("segment").asText()).isNotBlank();
            assertThat(customers.body().get("segments")).isNotEmpty();
            // That customer's page: the values read by _id (= customer_id) and every order, found through the map
            // of orders the dashboard keeps over the embedded MongoDB.
            String userId = mostValuable.get("user_id").asText();
            DashboardCalls.Answer page = DashboardCalls.get(dashboard, "api/customers/" + userId);
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            assertThat(page.body().get("value").get("clv").asText()).isEqualTo(mostValuable.get("clv").asText());
            List<String> orders = new ArrayList<>();
            page.body().get("orders").forEach(order -> orders.add(order.get("transaction_id").asText()));
            assertThat(orders).containsExactlyInAnyOrderElementsOf(JsonReference.transactionIdsOf(dataset, userId));

            CommandProcess.Result stopped = run.stop(PIPELINE);
            assertThat(stopped.exitCode()).as(stopped.printed()).isEqualTo(EXIT_CODE_ON_SIGTERM);
            assertNoStackTrace(stopped.err());
        }
    }

    @Test
    void benchPrintsSecondsPerStageAndALinePerScale() {
        // Spark's seconds, DuckDB's and their ratio, after a line's rows.
        String engineTimes = "\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d\\d$";
        Path out = temp.resolve("bench");

        CommandProcess.Result bench = CommandProcess.run(PIPELINE, "bench", "--scales", "tiny", "--hbase-load",
                "BULK_LOAD", "--rerun-on-store", "--against-duckdb", "--out", out.toString());

        assertThat(bench.exitCode()).as(bench.printed()).isZero();
        assertThat(bench.out()).as(bench.printed()).startsWith("scale tiny:")
                .containsPattern("(?m)^load-hbase\\s+100\\s+100\\s+0\\s+\\d+\\.\\d\\s")
                .containsPattern("(?m)^peak heap [\\d,]+ MB$")
                .containsPattern("(?m)^scale tiny, again on a kept store:\\n(.*\\n)*load-mongo\\s+skipped: the store"
                        + " already holds dataset \\w+\\n(.*\\n)*load-hbase\\s+skipped: ")
                .containsPattern("(?m)^scale tiny, Spark's analytics alone against DuckDB \\(best of 3\\):\\n"
                        + "analytic\\s+rows\\s+spark s\\s+duckdb s\\s+spark/duckdb$")
                // Every record of the tiny scale's files (40 + 30 + 5 + 100 + 100) is kept or rejected, and the
                // funnel has its five stages.
                .containsPattern("(?m)^load \\(read \\+ clean\\)\\s+275" + engineTimes)
                .containsPattern("(?m)^conversion_funnel\\s+5" + engineTimes)
                .containsPattern("(?m)^scale\\s+transactions\\s+sessions\\s+run s\\s+stages s\\s+original s"
                        + "\\s+load\\+read s\\s+re-run s\\s+spark/duckdb\\s+peak heap MB$")
                .containsPattern("(?m)^tiny\\s+100\\s+100(\\s+\\d+\\.\\d){5}\\s+\\d+\\.\\d\\d\\s+[\\d,]+$");
        for (Analytic analytic : Analytic.values()) {
            assertThat(bench.out()).as(analytic.tableName())
                    .containsPattern("(?m)^" + analytic.tableName() + "\\s+[\\d,]+" + engineTimes);
        }
        // The stages' figures add up as the table's legend says: original and load+read are parts of the stages.
        String[] figures = bench.out().lines().filter(line -> line.startsWith("tiny ")).findFirst().orElseThrow()
                .trim().split("\\s+");
        double stages = Double.parseDouble(figures[4]);
        assertThat(Double.parseDouble(figures[5])).isLessThan(stages);
        assertThat(Double.parseDouble(figures[6])).isLessThan(Double.parseDouble(figures[5]));
        // The scale's ratio is the comparison's whole set.
        String wholeSet = bench.out().lines().filter(line -> line.startsWith("whole set (load + all)")).findFirst()
                .orElseThrow();
        assertThat(wholeSet).endsWith(" " + figures[8]);
        assertNoStackTrace(bench.err());
    }

    @Test
    void analyzeAgainstAClosedPortFailsWithOneLineNamingTheAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String uri = "mongodb://127.0.0.1:" + closedPort;

        CommandProcess.Result analyze = CommandProcess.run(QUICK, "analyze", "--mongo-uri", uri, "--zookeeper",
                "127.0.0.1:" + closedPort, "--out", temp.resolve("unreachable").toString());

        assertThat(analyze.exitCode()).as(analyze.printed()).isEqualTo(ExitCodes.FAILED);
        assertThat(analyze.out()).isEmpty();
        List<String> lines = commandErrorLines(analyze);
        assertThat(lines).as(analyze.printed()).hasSize(2);
        assertThat(lines.get(0)).startsWith("error: Cannot reach MongoDB at " + uri + " ")
                .contains("Connection refused");
        assertThat(lines.get(1)).isEqualTo("Run with --help for usage; set -Dlog.level=DEBUG for the stack trace.");
        assertNoJavaInternals(analyze.err());
    }
}
