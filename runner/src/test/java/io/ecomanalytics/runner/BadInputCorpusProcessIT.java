package io.ecomanalytics.runner;

import static io.ecomanalytics.testing.SampleJson.CATEGORY;
import static io.ecomanalytics.testing.SampleJson.PRODUCT;
import static io.ecomanalytics.testing.SampleJson.SESSION;
import static io.ecomanalytics.testing.SampleJson.TRANSACTION;
import static io.ecomanalytics.testing.SampleJson.USER;
import static io.ecomanalytics.testing.SampleJson.replaced;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecomanalytics.testing.TestDatasets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad inputs, each through {@code validate --data DIR} in a JVM of its own, as a user runs it: a bad
 * record is one reject with its rule and field (plus, for a rejected category, product or user, the records that
 * refer to it, by rule reference; exit 0, read = accepted + rejected), a bad file is one line on stderr
 * naming the file (exit 1), a wrong command line exit 2, and inputs that only look odd are accepted. The outcome table
 * is in data/README.md.
 */
class BadInputCorpusProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    /** How a case must end. */
    sealed interface Outcome permits Rejected, Stopped, Accepted {
    }

    /** One record of {@code file} is rejected for {@code rule} at {@code field}; everything else is accepted. */
    record Rejected(String file, String rule, String field) implements Outcome {
    }

    /** The command stops with {@code exitCode} and one line on stderr that contains {@code words}. */
    record Stopped(int exitCode, String words) implements Outcome {
    }

    /** Every record is accepted; stdout contains {@code words}. */
    record Accepted(String words) implements Outcome {
    }

    /** The files of a case's dataset folder: file name to content bytes. */
    private static Map<String, byte[]> valid() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("categories.json", array(CATEGORY));
        files.put("products.json", array(PRODUCT));
        files.put("users.json", array(USER));
        files.put("transactions.json", array(TRANSACTION));
        files.put("sessions_0.json", array(SESSION));
        return files;
    }

    private static byte[] array(String... records) {
        return ("[" + String.join(",\n", records) + "]\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> with(String file, byte[] content) {
        Map<String, byte[]> files = valid();
        files.put(file, content);
        return files;
    }

    private static Map<String, byte[]> with(String file, String... records) {
        return with(file, array(records));
    }

    private static Map<String, byte[]> without(String file) {
        Map<String, byte[]> files = valid();
        files.remove(file);
        return files;
    }

    private static Arguments rejected(String name, Map<String, byte[]> files, String rule, String field) {
        String file = files.entrySet().stream().filter(entry -> !java.util.Arrays.equals(entry.getValue(),
                valid().getOrDefault(entry.getKey(), new byte[0]))).map(Map.Entry::getKey).findFirst().orElseThrow();
        return Arguments.of(name, files, new Rejected(file, rule, field));
    }

    static Stream<Arguments> corpus() {
        String longName = "Kettle " + "x".repeat(100_000);
        StringBuilder manyViews = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            manyViews.append(i == 0 ? "" : ",").append("{\"timestamp\":\"2024-02-01T09:50:00\",\"page_type\":"
                    + "\"home\",\"product_id\":null,\"category_id\":null,\"view_duration\":0}");
        }
        String hugeSession = replaced(SESSION, SESSION.substring(SESSION.indexOf("\"page_views\":["),
                SESSION.indexOf("],\"cart_contents\"") + 1), "\"page_views\":[" + manyViews + "]");
        return Stream.of(
                // Records: each breaks one rule.
                rejected("missing id", with("users.json", replaced(USER, "\"user_id\":\"user_000001\",", ""), USER),
                        "required", "user_id"),
                rejected("null id", with("transactions.json", replaced(TRANSACTION,
                        "\"transaction_id\":\"txn_000000000001\"", "\"transaction_id\":null")), "required",
                        "transaction_id"),
                rejected("string where an integer belongs", with("transactions.json", replaced(TRANSACTION,
                        "\"quantity\":2", "\"quantity\":\"2\"")), "type", "items[0].quantity"),
                rejected("fraction where an integer belongs", with("transactions.json", replaced(TRANSACTION,
                        "\"quantity\":2", "\"quantity\":2.5")), "type", "items[0].quantity"),
                rejected("integer beyond 32 bits", with("products.json", replaced(PRODUCT,
                        "\"current_stock\":5", "\"current_stock\":99999999999")), "type", "current_stock"),
                rejected("number where a string belongs", with("users.json", replaced(USER, "\"city\":\"Lyon\"",
                        "\"city\":69")), "type", "geo_data.city"),
                rejected("text where a boolean belongs", with("products.json", replaced(PRODUCT,
                        "\"is_active\":true", "\"is_active\":\"yes\"")), "type", "is_active"),
                rejected("unreadable datetime", with("transactions.json", replaced(TRANSACTION,
                        "\"2024-02-01T10:00:00\"", "\"yesterday\"")), "type", "timestamp"),
                rejected("nested array where an object belongs", with("users.json", replaced(USER,
                        "\"geo_data\":{\"city\":\"Lyon\",\"state\":\"ARA\",\"country\":\"France\"}",
                        "\"geo_data\":[[\"Lyon\"]]")), "type", "geo_data"),
                rejected("a number where a record belongs", with("categories.json", array(CATEGORY, "42")), "type",
                        "(record)"),
                rejected("negative quantity", with("transactions.json", replaced(TRANSACTION, "\"quantity\":2",
                        "\"quantity\":-2")), "range", "items[0].quantity"),
                rejected("amount beyond any price", with("products.json", replaced(PRODUCT, "\"base_price\":10.00",
                        "\"base_price\":1e400")), "range", "base_price"),
                rejected("session longer than a day", with("sessions_0.json", replaced(SESSION,
                        "\"duration_seconds\":600", "\"duration_seconds\":90000")), "range", "duration_seconds"),
                rejected("profit margin above one", with("categories.json", replaced(CATEGORY, "0.25", "1.5")),
                        "range", "subcategories[0].profit_margin"),
                rejected("no items", with("transactions.json", replaced(TRANSACTION,
                        TRANSACTION.substring(TRANSACTION.indexOf("\"items\":["), TRANSACTION.indexOf("],") + 1),
                        "\"items\":[]")), "range", "items"),
                rejected("unknown payment method", with("transactions.json", replaced(TRANSACTION, "\"paypal\"",
                        "\"bitcoin\"")), "enumeration", "payment_method"),
                rejected("an enumeration in another case", with("sessions_0.json", replaced(SESSION,
                        "\"Android\"", "\"android\"")), "enumeration", "device_profile.os"),
                rejected("an enumeration with a space", with("sessions_0.json", replaced(SESSION,
                        "\"email\"", "\" email\"")), "enumeration", "referrer"),
                rejected("item subtotal off by a cent", with("transactions.json", replaced(TRANSACTION,
                        "\"subtotal\":20.00}", "\"subtotal\":20.01}")), "arithmetic", "items[0].subtotal"),
                rejected("total off by a cent", with("transactions.json", replaced(TRANSACTION, "\"total\":18.00",
                        "\"total\":18.01")), "arithmetic", "total"),
                rejected("discount above the subtotal", with("transactions.json", replaced(TRANSACTION,
                        "\"discount\":2.00,\"total\":18.00", "\"discount\":30.00,\"total\":0.00")), "range",
                        "discount"),
                rejected("session ending before it starts", with("sessions_0.json", replaced(SESSION,
                        "\"end_time\":\"2024-02-01T10:00:00\"", "\"end_time\":\"2024-02-01T09:00:00\"")),
                        "chronology", "end_time"),
                rejected("active before registering", with("users.json", replaced(USER, "2024-02-01T00:00:00",
                        "2023-02-01T00:00:00")), "chronology", "last_active"),
                rejected("duplicate id", with("transactions.json", TRANSACTION, TRANSACTION), "duplicate-id",
                        "transaction_id"),
                rejected("unknown user", with("transactions.json", replaced(TRANSACTION, "\"user_id\":\"user_000001\"",
                        "\"user_id\":\"user_999999\"")), "reference", "user_id"),
                rejected("unknown product viewed", with("sessions_0.json", replaced(SESSION,
                        "\"viewed_products\":[\"prod_00001\"]", "\"viewed_products\":[\"prod_99999\"]")), "reference",
                        "viewed_products[0]"),
                // Inputs that only look odd.
                Arguments.of("non-ASCII text", with("users.json", replaced(USER, "\"Lyon\"", "\"São Paulo — 東京\"")),
                        new Accepted("users        | 1    | 1        | 0")),
                Arguments.of("a very long string", with("products.json", replaced(PRODUCT, "\"Kettle\"",
                        "\"" + longName + "\"")), new Accepted("products     | 1    | 1        | 0")),
                Arguments.of("one record of several MB", with("sessions_0.json", hugeSession),
                        new Accepted("sessions     | 1    | 1        | 0")),
                Arguments.of("a byte order mark", with("users.json", concat(new byte[] {(byte) 0xEF, (byte) 0xBB,
                        (byte) 0xBF}, array(USER))), new Accepted("users        | 1    | 1        | 0")),
                Arguments.of("CRLF line endings", with("products.json", new String(array(PRODUCT, replaced(PRODUCT,
                        "prod_00001", "prod_00002")), StandardCharsets.UTF_8).replace("\n", "\r\n")
                        .getBytes(StandardCharsets.UTF_8)), new Accepted("products     | 2    | 2        | 0")),
                Arguments.of("a gzip file", gzipped(without("transactions.json"), "transactions.json.gz",
                        array(TRANSACTION)), new Accepted("transactions | 1    | 1        | 0")),
                Arguments.of("an extra unknown file", with("notes.txt", "just notes".getBytes(StandardCharsets.UTF_8)),
                        new Accepted("ignored notes.txt: not one of the dataset's files")),
                // Files that cannot be read: the command stops and names the file.
                Arguments.of("an empty file", with("users.json", new byte[0]), new Stopped(1, "users.json")),
                Arguments.of("a truncated array", with("transactions.json",
                        ("[" + TRANSACTION.substring(0, 80)).getBytes(StandardCharsets.UTF_8)),
                        new Stopped(1, "transactions.json")),
                Arguments.of("a bare object instead of an array", with("categories.json",
                        CATEGORY.getBytes(StandardCharsets.UTF_8)), new Stopped(1, "categories.json")),
                Arguments.of("bytes that are not UTF-8", with("users.json", concat(array(USER), new byte[] {
                        (byte) 0xC3, (byte) 0x28})), new Stopped(1, "users.json")),
                Arguments.of("a missing entity file", without("products.json"), new Stopped(1, "products.json")));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static Map<String, byte[]> gzipped(Map<String, byte[]> files, String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        files.put(name, bytes.toByteArray());
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachKindOfBadInputEndsAsTheTableSays(String name, Map<String, byte[]> files, Outcome outcome)
            throws IOException {
        Path folder = Files.createDirectories(temp.resolve("data"));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        Path rejects = temp.resolve("rejects.jsonl");

        CommandProcess.Result result = CommandProcess.run(TIMEOUT, "validate", "--data", folder.toString(),
                "--rejects", rejects.toString());

        assertThat(result.err().lines()).as(result.printed()).noneMatch(line -> line.contains("Exception")
                || line.contains("io.ecomanalytics") || line.startsWith("\tat "));
        if (outcome instanceof Rejected reject) {
                assertThat(result.exitCode()).as(result.printed()).isZero();
                List<JsonNode> lines = new ArrayList<>();
                for (String line : Files.readAllLines(rejects)) {
                    lines.add(JSON.readTree(line));
                }
                // A rejected category, product or user also rejects what refers to it, by rule reference.
                assertThat(lines).as(result.printed())
                        .filteredOn(line -> line.get("file").asText().equals(reject.file()))
                        .singleElement().satisfies(line -> {
                            assertThat(line.get("rule").asText()).isEqualTo(reject.rule());
                            assertThat(line.get("field").asText()).isEqualTo(reject.field());
                        });
                assertThat(lines).as(result.printed())
                        .filteredOn(line -> !line.get("file").asText().equals(reject.file()))
                        .allSatisfy(line -> assertThat(line.get("rule").asText()).isEqualTo("reference"));
                assertThat(result.out()).as(result.printed()).contains("rejects by rule: ")
                        .containsPattern("rejects by rule: .*" + reject.rule() + " \\d");
                assertThat(totals(result.out())).as(result.printed()).satisfies(totals ->
                        assertThat(totals.get(0)).isEqualTo(totals.get(1) + totals.get(2)));
        } else if (outcome instanceof Stopped stop) {
                assertThat(result.exitCode()).as(result.printed()).isEqualTo(stop.exitCode());
                assertThat(result.err().lines().filter(line -> line.startsWith("error:")).toList())
                        .as(result.printed()).singleElement().asString().contains(stop.words());
        } else if (outcome instanceof Accepted accepted) {
                assertThat(result.exitCode()).as(result.printed()).isZero();
                assertThat(result.out()).as(result.printed()).contains(accepted.words())
                        .contains("rejects by rule: none");
        }
    }

    @Test
    void aRunOverBadRecordsLoadsEveryGoodOneAndCountsEveryRecordOnce() throws IOException {
        Path folder = TestDatasets.copyTiny(temp.resolve("tiny-with-bad-records"));
        JsonNode user = first(folder.resolve("users.json"));
        JsonNode transaction = first(folder.resolve("transactions.json"));
        JsonNode session = first(folder.resolve("sessions_1.json"));
        append(folder.resolve("users.json"), ((ObjectNode) user.deepCopy()).without("user_id"));
        append(folder.resolve("transactions.json"), transaction,
                ((ObjectNode) transaction.deepCopy()).put("transaction_id", "txn_bad000000001")
                        .put("payment_method", "bitcoin"));
        append(folder.resolve("sessions_1.json"), ((ObjectNode) session.deepCopy())
                .put("session_id", "sess_bad0000001").put("end_time", "2020-01-01T00:00:00"));
        Path out = temp.resolve("run-with-bad-records");

        CommandProcess.Result run = CommandProcess.run(Duration.ofMinutes(6), "run", "--data", folder.toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.printed()).isZero();
        JsonNode summary = JSON.readTree(out.resolve("run-summary.json").toFile());
        JsonNode validation = summary.get("validation");
        assertThat(validation.get("reconciles").asBoolean()).isTrue();
        assertThat(validation.get("rejected_by_rule").toString())
                .isEqualTo("{\"required\":1,\"enumeration\":1,\"chronology\":1,\"duplicate-id\":1}");
        // read = stored + rejected for every entity, in each store, and Spark reads back exactly what was stored.
        Map<String, Long> stored = new LinkedHashMap<>();
        summary.get("mongo_load").fields().forEachRemaining(entry -> {
            if (entry.getValue().has("read")) {
                JsonNode load = entry.getValue();
                long kept = load.get("inserted").asLong() + load.get("updated").asLong()
                        + load.get("unchanged").asLong();
                assertThat(load.get("read").asLong()).as(entry.getKey())
                        .isEqualTo(kept + load.get("rejected").asLong());
                assertThat(load.get("failed").asLong()).isZero();
                stored.put(entry.getKey(), kept);
            }
        });
        JsonNode hbase = summary.get("hbase_load");
        assertThat(hbase.get("read").asLong()).isEqualTo(hbase.get("written").asLong()
                + hbase.get("rejected").asLong());
        stored.put("sessions", hbase.get("written").asLong());
        assertThat(stored).containsExactlyInAnyOrderEntriesOf(Map.of("categories", 5L, "products", 30L,
                "users", 40L, "transactions", 100L, "sessions", 100L));
        stored.forEach((entity, count) -> {
            assertThat(summary.at("/spark_cleaning/" + entity + "/kept").asLong()).as(entity).isEqualTo(count);
            assertThat(summary.at("/spark_cleaning/" + entity + "/rejected").asLong()).as(entity).isZero();
        });
        List<String> rules = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("rejects.jsonl"))) {
            rules.add(JSON.readTree(line).get("rule").asText());
        }
        assertThat(rules).containsExactlyInAnyOrder("required", "enumeration", "duplicate-id", "chronology");
    }

    @Test
    void theSessionsViewKeepsOperatingSystemsAsTheDatasetSpellsThem() throws IOException {
        Path folder = TestDatasets.copyTiny(temp.resolve("tiny"));
        Map<String, Long> expected = new java.util.TreeMap<>();
        for (String file : List.of("sessions_0.json", "sessions_1.json")) {
            for (JsonNode session : JSON.readTree(folder.resolve(file).toFile())) {
                expected.merge(session.at("/device_profile/os").asText(), 1L, Long::sum);
            }
        }
        assertThat(expected).containsKey("iOS");

        CommandProcess.Result sql = CommandProcess.run(Duration.ofMinutes(4), "sql",
                "SELECT device_profile.os AS os, COUNT(*) AS sessions FROM sessions GROUP BY device_profile.os",
                "--data", folder.toString(), "--format", "CSV");

        assertThat(sql.exitCode()).as(sql.printed()).isZero();
        Map<String, Long> printed = new java.util.TreeMap<>();
        sql.out().lines().skip(1).filter(line -> line.contains(",")).forEach(line ->
                printed.put(line.substring(0, line.indexOf(',')), Long.parseLong(line.substring(line.indexOf(',') + 1))));
        assertThat(printed).as(sql.printed()).isEqualTo(expected);
    }

    private static JsonNode first(Path file) throws IOException {
        return JSON.readTree(file.toFile()).get(0);
    }

    /** Adds records at the end of a dataset file's array, as a later, bad part of the same file. */
    private static void append(Path file, JsonNode... records) throws IOException {
        ArrayNode array = (ArrayNode) JSON.readTree(file.toFile());
        for (JsonNode record : records) {
            array.add(record);
        }
        JSON.writeValue(file.toFile(), array);
    }

    /** Read, accepted and rejected of the {@code total} row of the printed table. */
    private static List<Long> totals(String out) {
        String row = out.lines().filter(line -> line.startsWith("total ")).findFirst().orElseThrow();
        return Stream.of(row.split("\\|")).skip(1).map(String::trim).map(Long::parseLong).toList();
    }
}
