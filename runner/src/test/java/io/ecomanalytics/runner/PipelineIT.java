package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecomanalytics.charts.ChartKind;
import io.ecomanalytics.testing.TestDatasets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The default command end to end on the committed {@code tiny} dataset: embedded MongoDB-protocol server, in-process
 * HBase, Spark reading both. Expected values come from a plain Jackson pass over the same JSON files. The results go
 * to a folder on another Hadoop filesystem ({@link ElsewhereFileSystem}, kept on the local disk underneath), so the
 * same two runs also prove that every output is written through Hadoop's API; the process tests write to plain local
 * folders.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private Path dataset;
    /** The local folder under the results' folder on the other filesystem. */
    private Path disk;
    private Path out;
    private String location;
    private String firstRunOutput;

    @BeforeAll
    void runThePipelineOnTheTinyDataset() throws IOException {
        dataset = TestDatasets.copyTiny(Files.createDirectories(temp.resolve("tiny")));
        disk = Files.createDirectories(temp.resolve("elsewhere-disk"));
        out = disk.resolve("results");
        location = ElsewhereFileSystem.SCHEME + "://" + out.toUri().getPath();
        firstRunOutput = runPipeline();
    }

    private String runPipeline() {
        return runPipeline("run", "--data", dataset.toString(), "--out", location,
                "--conf", "spark.hadoop.fs." + ElsewhereFileSystem.SCHEME + ".impl="
                        + ElsewhereFileSystem.class.getName(),
                "--conf", "spark.hadoop.fs." + ElsewhereFileSystem.SCHEME + ".impl.disable.cache=true");
    }

    private static String runPipeline(String... arguments) {
        StringWriter printed = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(printed, true));
        int exitCode = commandLine.execute(arguments);
        assertThat(exitCode).as("exit code; output:%n%s", printed).isEqualTo(ExitCodes.OK);
        return printed.toString();
    }

    @Test
    void revenueByCategoryEqualsTheSumOverTheInputJsonToTheCent() throws IOException {
        Map<String, BigDecimal> expected = JsonReference.revenueByCategory(dataset);

        Map<String, BigDecimal> actual = new TreeMap<>();
        for (Map<String, String> row : csv("revenue_by_category")) {
            actual.put(row.get("category_id"), new BigDecimal(row.get("revenue")));
        }

        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((category, revenue) -> assertThat(actual.get(category))
                .as("revenue of %s", category).isEqualByComparingTo(revenue.setScale(2)));
    }

    @Test
    void theClvTableHasOneRowPerCustomerWithPurchases() throws IOException {
        Set<String> buyers = new TreeSet<>();
        for (JsonNode transaction : JSON.readTree(dataset.resolve("transactions.json").toFile())) {
            buyers.add(transaction.get("user_id").asText());
        }

        List<Map<String, String>> rows = csv("customer_clv");

        assertThat(rows).hasSize(buyers.size());
        assertThat(rows.stream().map(row -> row.get("customer_id"))).containsExactlyInAnyOrderElementsOf(buyers);
        assertThat(rows).allSatisfy(row -> {
            assertThat(Double.parseDouble(row.get("clv"))).isGreaterThanOrEqualTo(0);
            assertThat(Double.parseDouble(row.get("probability_alive"))).isBetween(0.0, 1.0);
            assertThat(row.get("segment")).isNotBlank();
        });
    }

    @Test
    void everyBuyerHasALearnedSegmentBesideItsRfmSegment() throws IOException {
        Map<String, String> rfm = new TreeMap<>();
        Map<String, String> learned = new TreeMap<>();
        for (Map<String, String> row : csv("customer_clv")) {
            rfm.put(row.get("customer_id"), row.get("segment"));
            learned.put(row.get("customer_id"), row.get("learned_segment"));
        }
        List<Map<String, String>> segments = csv("customer_segments");
        JsonNode summary = JSON.readTree(out.resolve("run-summary.json").toFile());
        int k = summary.get("segments").get("k").asInt();

        assertThat(segments).hasSize(rfm.size());
        assertThat(segments).allSatisfy(row -> {
            assertThat(row.get("rfm_segment")).isEqualTo(rfm.get(row.get("customer_id")));
            assertThat(row.get("learned_segment")).isEqualTo(learned.get(row.get("customer_id")));
            assertThat(Integer.parseInt(row.get("learned_segment"))).isBetween(1, k);
            assertThat(row.get("segment_description")).isNotBlank();
        });
        assertThat(summary.get("stages").findValuesAsText("stage")).contains("segments");
        assertThat(firstRunOutput).contains("Learned segments: ");
    }

    @Test
    void theReportChartsAndSummaryAreWrittenAndTheCountsReconcile() throws IOException {
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(Files.readString(out.resolve("report.html"))).contains("data:image/png;base64,");
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertThat(charts.filter(path -> path.toString().endsWith(".png"))).hasSize(ChartKind.values().length);
        }
        assertThat(out.resolve("charts/15-recommendation-models.png")).isRegularFile();
        JsonNode summary = JSON.readTree(out.resolve("run-summary.json").toFile());
        int records = 0;
        for (JsonNode file : summary.get("validation").get("files")) {
            assertThat(file.get("read").asLong())
                    .as("%s read = accepted + rejected", file.get("file").asText())
                    .isEqualTo(file.get("accepted").asLong() + file.get("rejected").asLong());
            records += file.get("read").asInt();
        }
        assertThat(records).isEqualTo(recordsInTheFiles());
        JsonNode mongo = summary.get("mongo_load");
        for (String collection : List.of("users", "products", "categories", "transactions")) {
            JsonNode counts = mongo.get(collection);
            assertThat(counts.get("read").asLong()).as("%s read = stored + rejected + failed", collection)
                    .isEqualTo(counts.get("inserted").asLong() + counts.get("updated").asLong()
                            + counts.get("unchanged").asLong() + counts.get("rejected").asLong()
                            + counts.get("failed").asLong());
        }
        JsonNode hbase = summary.get("hbase_load");
        assertThat(hbase.get("read").asLong()).isEqualTo(hbase.get("written").asLong()
                + hbase.get("rejected").asLong() + hbase.get("failed").asLong());
        assertThat(firstRunOutput).contains("load-hbase");
    }

    @Test
    void everyModelIsComparedAndThePublishedListsLeaveOutWhatTheCustomerBought() throws IOException {
        Map<String, Set<String>> bought = new TreeMap<>();
        for (JsonNode transaction : JSON.readTree(dataset.resolve("transactions.json").toFile())) {
            for (JsonNode item : transaction.get("items")) {
                bought.computeIfAbsent(transaction.get("user_id").asText(), user -> new TreeSet<>())
                        .add(item.get("product_id").asText());
            }
        }
        Set<String> products = new TreeSet<>();
        JSON.readTree(dataset.resolve("products.json").toFile())
                .forEach(product -> products.add(product.get("product_id").asText()));

        List<Map<String, String>> metrics = csv(RecommendationStage.METRICS);
        List<Map<String, String>> lists = csv(RecommendationStage.RECOMMENDATIONS);

        assertThat(metrics.stream().map(row -> row.get("model"))).containsExactly("global_popularity",
                "category_popularity", "item_cooccurrence", "als");
        assertThat(metrics).allSatisfy(row -> {
            for (String measure : List.of("precision_at_k", "recall_at_k", "ndcg_at_k", "map_at_k",
                    "catalogue_coverage", "full_list_share")) {
                assertThat(Double.parseDouble(row.get(measure))).as(measure).isBetween(0.0, 1.0);
            }
            assertThat(row.get("k")).isEqualTo("10");
        });
        assertThat(lists).isNotEmpty().allSatisfy(row -> {
            assertThat(products).contains(row.get("product_id"));
            assertThat(bought.getOrDefault(row.get("user_id"), Set.of())).as("bought by %s", row.get("user_id"))
                    .doesNotContain(row.get("product_id"));
            assertThat(row.get("reason")).isNotBlank();
        });
        Map<String, List<Integer>> ranks = new TreeMap<>();
        lists.forEach(row -> ranks.computeIfAbsent(row.get("user_id"), user -> new java.util.ArrayList<>())
                .add(Integer.parseInt(row.get("rank"))));
        ranks.forEach((user, userRanks) -> assertThat(userRanks.stream().sorted().toList()).as(user)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, userRanks.size()).boxed().toList())
                .hasSizeLessThanOrEqualTo(10));
        JsonNode section = JSON.readTree(out.resolve("run-summary.json").toFile()).get("recommendations");
        assertThat(section.get("models")).hasSize(4);
        assertThat(section.get("published_model").asText()).isEqualTo(lists.get(0).get("model"));
        assertThat(section.get("customers_with_a_list").asLong()).isEqualTo(ranks.size());
        assertThat(firstRunOutput).contains("Recommendations: trained to ").containsPattern("(?m)^\\s*als\\s");
    }

    @Test
    void aSecondRunIntoTheSameFolderGivesIdenticalAnalytics() throws IOException {
        Map<String, List<Map<String, String>>> before = new TreeMap<>();
        for (String table : List.of("revenue_by_category", "customer_spend", "conversion_funnel", "customer_clv")) {
            before.put(table, csv(table));
        }

        runPipeline();

        for (Map.Entry<String, List<Map<String, String>>> table : before.entrySet()) {
            assertThat(csv(table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
        }
        try (Stream<Path> siblings = Files.list(disk)) {
            assertThat(siblings.map(path -> path.getFileName().toString()))
                    .as("no staging or previous folder is left behind").containsExactly("results");
        }
    }

    @Test
    void aResultsFolderOnAnotherHadoopFilesystemGetsEveryOutputThroughIt() throws IOException {
        assertThat(firstRunOutput).containsPattern("Results in " + ElsewhereFileSystem.SCHEME + ":/+"
                + out.toString().substring(1));
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("run-summary.json")).isRegularFile();
        assertThat(out.resolve("rejects.jsonl")).isRegularFile();
        assertThat(out.resolve("charts/01-revenue-by-category.png")).isRegularFile();
        assertThat(out.resolve("parquet/customer_clv/_SUCCESS")).isRegularFile();
    }

    private int recordsInTheFiles() throws IOException {
        int records = 0;
        for (String file : TestDatasets.TINY_FILES) {
            records += JSON.readTree(dataset.resolve(file).toFile()).size();
        }
        return records;
    }

    /** The rows of one analytic's CSV as column -> value maps (the files hold flat values, no quoted commas). */
    private List<Map<String, String>> csv(String table) throws IOException {
        return ResultTables.csv(out, table);
    }
}
