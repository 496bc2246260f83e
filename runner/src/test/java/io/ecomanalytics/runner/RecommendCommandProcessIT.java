package io.ecomanalytics.runner;

import static io.ecomanalytics.runner.CommandLineProcessIT.assertNoJavaInternals;
import static io.ecomanalytics.runner.CommandLineProcessIT.assertNoStackTrace;
import static io.ecomanalytics.runner.CommandLineProcessIT.commandErrorLines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recommend} started as a user starts it ({@link CommandProcess}) on a generated tiny dataset: a known
 * customer, an unknown one and a malformed id. Expected lists and reasons come from plain Jackson passes over the
 * dataset's JSON files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommendCommandProcessIT {
    private static final Duration QUICK = Duration.ofMinutes(1);
    private static final Duration COMMAND = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int K = 3;

    @TempDir
    static Path temp;

    private Path dataset;
    private final Map<String, String> categoryOfProduct = new HashMap<>();
    private final Map<String, String> categoryNames = new HashMap<>();
    private final Map<String, Set<String>> boughtBy = new HashMap<>();
    private final Map<String, Set<String>> buyersOf = new TreeMap<>();

    @BeforeAll
    void generateATinyDataset() throws IOException {
        dataset = temp.resolve("tiny");
        CommandProcess.Result generate = CommandProcess.run(QUICK, "generate", "--scale", "tiny", "--out",
                dataset.toString());
        assertThat(generate.exitCode()).as(generate.printed()).isZero();
        for (JsonNode category : JSON.readTree(dataset.resolve("categories.json").toFile())) {
            categoryNames.put(category.get("category_id").asText(), category.get("name").asText());
        }
        for (JsonNode product : JSON.readTree(dataset.resolve("products.json").toFile())) {
            categoryOfProduct.put(product.get("product_id").asText(), product.get("category_id").asText());
        }
        for (JsonNode transaction : JSON.readTree(dataset.resolve("transactions.json").toFile())) {
            String user = transaction.get("user_id").asText();
            for (JsonNode item : transaction.get("items")) {
                if (item.get("quantity").asInt() > 0) {
                    String product = item.get("product_id").asText();
                    boughtBy.computeIfAbsent(user, key -> new HashSet<>()).add(product);
                    buyersOf.computeIfAbsent(product, key -> new HashSet<>()).add(user);
                }
            }
        }
    }

    /** The printed table's rows as cells: rank, product_id, product_name, score, reason. */
    private static List<String[]> rows(String out) {
        List<String[]> rows = new ArrayList<>();
        out.lines().filter(line -> line.matches("\\s*\\d+\\s*\\|.*")).forEach(line -> {
            String[] cells = line.split("\\|");
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            rows.add(cells);
        });
        return rows;
    }

    @Test
    void aKnownCustomerGetsPopularProductsOfTheirCategoriesThatTheyDoNotOwn() {
        String user = boughtBy.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, Set<String>> entry) -> entry.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();

        CommandProcess.Result recommend = CommandProcess.run(COMMAND, "recommend", "--user", user, "--k",
                String.valueOf(K), "--data", dataset.toString());

        assertThat(recommend.exitCode()).as(recommend.printed()).isZero();
        assertThat(recommend.out().lines().findFirst()).as(recommend.printed())
                .hasValue("Recommendations for " + user + " (category_popularity, k = " + K + ")");
        List<String[]> rows = rows(recommend.out());
        assertThat(rows).as(recommend.printed()).isNotEmpty().hasSizeLessThanOrEqualTo(K);
        double previousScore = Double.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            assertThat(row[0]).isEqualTo(String.valueOf(i + 1));
            assertThat(boughtBy.get(user)).as("what %s bought", user).doesNotContain(row[1]);
            assertThat(row[4]).isEqualTo("popular in " + categoryNames.get(categoryOfProduct.get(row[1])));
            double score = Double.parseDouble(row[3]);
            assertThat(score).isPositive().isLessThanOrEqualTo(previousScore);
            previousScore = score;
        }
        assertThat(recommend.err()).doesNotContain("No customer");
        assertNoStackTrace(recommend.err());
    }

    @Test
    void anUnknownCustomerIsToldSoAndGetsTheMostBoughtProducts() {
        List<String> expected = buyersOf.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Set<String>> entry) -> -entry.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(K)
                .map(entry -> entry.getKey() + " popular: bought by " + entry.getValue().size() + " customers")
                .toList();

        CommandProcess.Result recommend = CommandProcess.run(COMMAND, "recommend", "--user", "user_999999", "--k",
                String.valueOf(K), "--data", dataset.toString());

        assertThat(recommend.exitCode()).as(recommend.printed()).isZero();
        assertThat(recommend.out().lines().findFirst()).as(recommend.printed())
                .hasValue("Most popular products for user_999999 (global_popularity, k = " + K + ")");
        assertThat(rows(recommend.out()).stream().map(row -> row[1] + " " + row[4]).toList())
                .as(recommend.printed()).isEqualTo(expected);
        assertThat(commandErrorLines(recommend)).contains("No customer 'user_999999' in the stores: no page views,"
                + " carts or purchases. Showing the most popular products instead.");
        assertNoStackTrace(recommend.err());
    }

    @Test
    void aMalformedIdIsAUsageErrorWithExitCodeTwo() {
        CommandProcess.Result recommend = CommandProcess.run(QUICK, "recommend", "--user", "user 42; drop",
                "--data", dataset.toString());

        assertThat(recommend.exitCode()).as(recommend.printed()).isEqualTo(ExitCodes.USAGE);
        assertThat(recommend.out()).isEmpty();
        List<String> lines = commandErrorLines(recommend);
        assertThat(lines).as(recommend.printed()).first().isEqualTo("error: Invalid value for option '--user':"
                + " 'user 42; drop' is not a user id. Give an id as the dataset spells it, for example user_000042"
                + " (letters, digits and _ . : -, at most 64 characters).");
        assertThat(lines).last().isEqualTo("Try 'ecom-analytics recommend --help' for usage.");
        assertNoJavaInternals(recommend.err());
    }
}
