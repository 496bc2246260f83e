package io.ecomanalytics.data;

import io.ecomanalytics.testing.SampleJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The corpus of bad inputs: each case breaks one file of an otherwise valid hand-written dataset and expects either
 * one reject with its rule, field and message, or a {@link DatasetFormatException} naming file, line and column.
 */
class BadInputCorpusTest {

    static final String CATEGORY = SampleJson.CATEGORY;
    static final String PRODUCT = SampleJson.PRODUCT;
    static final String USER = SampleJson.USER;
    static final String TRANSACTION = SampleJson.TRANSACTION;
    static final String SESSION = SampleJson.SESSION;

    @TempDir
    Path folder;

    static String transaction(String from, String to) {
        return replaced(TRANSACTION, from, to);
    }

    static String session(String from, String to) {
        return replaced(SESSION, from, to);
    }

    private static String replaced(String text, String from, String to) {
        return SampleJson.replaced(text, from, to);
    }

    static Stream<Arguments> rejectedRecords() {
        return Stream.of(
                Arguments.of("string where an integer belongs", "transactions.json",
                        transaction("\"quantity\":2", "\"quantity\":\"2\""),
                        Rule.TYPE, "items[0].quantity", "expected an integer but found a string"),
                Arguments.of("fraction where an integer belongs", "transactions.json",
                        transaction("\"quantity\":2", "\"quantity\":2.5"),
                        Rule.TYPE, "items[0].quantity", "expected an integer but found a number"),
                Arguments.of("number where a string belongs", "users.json",
                        replaced(USER, "\"city\":\"Lyon\"", "\"city\":69"),
                        Rule.TYPE, "geo_data.city", "expected a string but found a number"),
                Arguments.of("invalid datetime", "transactions.json",
                        transaction("2024-02-01T10:00:00", "2024-13-01T10:00:00"),
                        Rule.TYPE, "timestamp", "Invalid value for MonthOfYear (valid values 1 - 12): 13"),
                Arguments.of("missing required field", "transactions.json",
                        transaction("\"user_id\":\"user_000001\",", ""),
                        Rule.REQUIRED, "user_id", "required field is missing or null"),
                Arguments.of("null required field", "sessions_0.json",
                        session("\"referrer\":\"email\"", "\"referrer\":null"),
                        Rule.REQUIRED, "referrer", "required field is missing or null"),
                Arguments.of("unknown payment method", "transactions.json",
                        transaction("paypal", "bitcoin"), Rule.ENUMERATION, "payment_method",
                        "'bitcoin' is not one of credit_card, debit_card, paypal, apple_pay, google_pay"),
                Arguments.of("unknown transaction status", "transactions.json",
                        transaction("completed", "lost"), Rule.ENUMERATION, "status",
                        "'lost' is not one of completed, pending, refunded, cancelled"),
                Arguments.of("unknown page type", "sessions_0.json",
                        session("\"page_type\":\"home\"", "\"page_type\":\"landing\""), Rule.ENUMERATION,
                        "page_views[0].page_type", "'landing' is not one of home, search, category_listing, "
                                + "product_detail, cart, checkout, confirmation"),
                Arguments.of("unknown device type", "sessions_0.json",
                        session("\"type\":\"mobile\"", "\"type\":\"watch\""), Rule.ENUMERATION,
                        "device_profile.type", "'watch' is not one of mobile, desktop, tablet"),
                Arguments.of("unknown conversion status", "sessions_0.json",
                        session("\"converted\"", "\"bought\""), Rule.ENUMERATION, "conversion_status",
                        "'bought' is not one of converted, abandoned, browsed"),
                Arguments.of("unknown referrer", "sessions_0.json",
                        session("\"email\"", "\"tv\""), Rule.ENUMERATION, "referrer",
                        "'tv' is not one of direct, email, social, search_engine, affiliate"),
                Arguments.of("negative quantity", "transactions.json",
                        transaction("\"quantity\":2", "\"quantity\":-2"),
                        Rule.RANGE, "items[0].quantity", "quantity -2 is not at least 1"),
                Arguments.of("negative unit price", "transactions.json",
                        transaction("\"unit_price\":10.00", "\"unit_price\":-10.00"),
                        Rule.RANGE, "items[0].unit_price", "unit_price -10.00 is not at least 0 and below 10000000000"),
                Arguments.of("huge integer", "transactions.json",
                        transaction("\"quantity\":2", "\"quantity\":99999999999999999999"), Rule.TYPE,
                        "items[0].quantity", "expected a 32-bit integer but found 99999999999999999999"),
                Arguments.of("huge amount", "transactions.json",
                        transaction("\"unit_price\":10.00", "\"unit_price\":1e400"), Rule.RANGE,
                        "items[0].unit_price", "unit_price 1E+400 is not at least 0 and below 10000000000"),
                Arguments.of("session longer than a day", "sessions_0.json",
                        session("\"duration_seconds\":600", "\"duration_seconds\":90000"), Rule.RANGE,
                        "duration_seconds", "duration_seconds 90000 is not between 0 and 86400"),
                Arguments.of("discount above subtotal", "transactions.json",
                        transaction("\"discount\":2.00,\"total\":18.00", "\"discount\":30.00,\"total\":-10.00"),
                        Rule.RANGE, "total", "total -10.00 is not at least 0 and below 10000000000"),
                Arguments.of("wrong item subtotal", "transactions.json",
                        transaction("\"subtotal\":20.00}", "\"subtotal\":21.00}"), Rule.ARITHMETIC,
                        "items[0].subtotal", "subtotal 21.00 differs from quantity 2 x unit_price 10.00 = 20.00 "
                                + "by more than half a cent"),
                Arguments.of("subtotal is not the sum of items", "transactions.json",
                        transaction("\"subtotal\":20.00,\"discount\":2.00,\"total\":18.00",
                                "\"subtotal\":22.00,\"discount\":2.00,\"total\":20.00"), Rule.ARITHMETIC, "subtotal",
                        "subtotal 22.00 differs from the sum of the item subtotals = 20.00 by more than half a cent"),
                Arguments.of("wrong total", "transactions.json",
                        transaction("\"total\":18.00", "\"total\":18.01"), Rule.ARITHMETIC, "total",
                        "total 18.01 differs from subtotal 20.00 - discount 2.00 = 18.00 by more than half a cent"),
                Arguments.of("session ends before it starts", "sessions_0.json",
                        session("\"end_time\":\"2024-02-01T10:00:00\"", "\"end_time\":\"2024-02-01T09:00:00\""),
                        Rule.CHRONOLOGY, "end_time",
                        "end_time 2024-02-01T09:00:00 is before start_time 2024-02-01T09:50:00"),
                Arguments.of("transaction of an unknown user", "transactions.json",
                        transaction("\"user_id\":\"user_000001\"", "\"user_id\":\"user_999999\""), Rule.REFERENCE,
                        "user_id", "user 'user_999999' is not among the accepted user records (missing from its "
                                + "file, or rejected there)"),
                Arguments.of("transaction of an unknown product", "transactions.json",
                        transaction("\"product_id\":\"prod_00001\"", "\"product_id\":\"prod_99999\""),
                        Rule.REFERENCE, "items[0].product_id", "product 'prod_99999' is not among the accepted "
                                + "product records (missing from its file, or rejected there)"),
                Arguments.of("session of an unknown user", "sessions_0.json",
                        session("\"user_id\":\"user_000001\"", "\"user_id\":\"user_000002\""), Rule.REFERENCE,
                        "user_id", "user 'user_000002' is not among the accepted user records (missing from its "
                                + "file, or rejected there)"),
                Arguments.of("product of an unknown category", "products.json",
                        replaced(PRODUCT, "\"category_id\":\"cat_001\"", "\"category_id\":\"cat_404\""),
                        Rule.REFERENCE, "category_id", "category 'cat_404' is not among the accepted category "
                                + "records (missing from its file, or rejected there)"),
                Arguments.of("array element that is not an object", "users.json", "42",
                        Rule.TYPE, "(record)", "expected an object but found a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedRecords")
    void badRecordIsRejectedWithItsRuleAndTheRestIsAccepted(String name, String file, String badRecord, Rule rule,
                                                            String field, String message) throws IOException {
        Map<String, String> files = validFiles();
        String good = files.get(file);
        files.put(file, "[\n" + good + ",\n" + badRecord + "\n]\n");
        Path dataset = write(files);

        List<Reject> rejects = new ArrayList<>();
        ValidationReport report = DatasetValidator.validate(dataset, rejects::add);

        assertThat(rejects).hasSizeGreaterThanOrEqualTo(1);
        Reject reject = rejects.get(0);
        assertThat(reject.rule()).isEqualTo(rule);
        assertThat(reject.field()).isEqualTo(field);
        assertThat(reject.message()).isEqualTo(message);
        assertThat(reject.position()).isEqualTo(new RecordPosition(file, 1, 3, 1));
        assertThat(reject.rawRecord()).isEqualTo(badRecord);
        FileCounts counts = countsOf(report, file);
        assertThat(counts).isEqualTo(new FileCounts(file, counts.entity(), 2, 1, 1));
        assertThat(report.reconciles()).isTrue();
        assertThat(report.read()).isEqualTo(report.accepted() + report.rejected());
        assertThat(report.rejectsByRule()).containsEntry(rule, (long) rejects.size());
    }

    @Test
    void duplicateIdsRejectTheLaterRecordOfEachEntity() throws IOException {
        Map<String, String> files = validFiles();
        files.put("users.json", "[\n" + USER + ",\n" + USER + "\n]\n");
        files.put("transactions.json", "[\n" + TRANSACTION + ",\n" + TRANSACTION + ",\n" + TRANSACTION + "\n]\n");
        files.put("sessions_0.json", "[\n" + SESSION + "\n]\n");
        files.put("sessions_1.json", "[\n" + SESSION + "\n]\n");
        List<Reject> rejects = new ArrayList<>();

        ValidationReport report = DatasetValidator.validate(write(files), rejects::add);

        assertThat(rejects).extracting(reject -> reject.position().file() + " " + reject.position().recordIndex()
                        + " " + reject.rule().wireName() + " " + reject.message())
                .containsExactly(
                        "users.json 1 duplicate-id user_id 'user_000001' was already used by an earlier accepted "
                                + "users record",
                        "transactions.json 1 duplicate-id transaction_id 'txn_000000000001' was already used by an "
                                + "earlier accepted transactions record",
                        "transactions.json 2 duplicate-id transaction_id 'txn_000000000001' was already used by an "
                                + "earlier accepted transactions record",
                        "sessions_1.json 0 duplicate-id session_id 'sess_0000000001' was already used by an "
                                + "earlier accepted sessions record");
        assertThat(report.read()).isEqualTo(1 + 1 + 2 + 3 + 1 + 1);
        assertThat(report.rejected()).isEqualTo(4);
        assertThat(report.reconciles()).isTrue();
    }

    @Test
    void aRejectedProductTakesTheTransactionsAndSessionsThatUseItWithIt() throws IOException {
        Map<String, String> files = validFiles();
        files.put("products.json", "[\n" + replaced(PRODUCT, "\"current_stock\":5", "\"current_stock\":-1") + "\n]\n");
        List<Reject> rejects = new ArrayList<>();

        ValidationReport report = DatasetValidator.validate(write(files), rejects::add);

        assertThat(rejects).extracting(reject -> reject.position().file() + " " + reject.rule().wireName() + " "
                        + reject.field())
                .containsExactly("products.json range current_stock",
                        "transactions.json reference items[0].product_id",
                        "sessions_0.json reference page_views[1].product_id");
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.reconciles()).isTrue();
    }

    static Stream<Arguments> malformedFiles() {
        byte[] notUtf8 = ("[\n" + USER + "\n]\n").getBytes(StandardCharsets.UTF_8);
        // The 'y' of "Lyon": 2 bytes of "[\n", then 45 characters before "Lyon" on line 2, so column 47.
        notUtf8[2 + USER.indexOf("Lyon") + 1] = (byte) 0xFF;
        return Stream.of(
                Arguments.of("truncated file", "users.json", ("[\n" + USER.substring(0, 40)).getBytes(
                        StandardCharsets.UTF_8), 2, 41, "Unexpected end-of-input in field name"),
                Arguments.of("empty file", "users.json", new byte[0], 1, 1,
                        "the file is empty; expected a JSON array (write [] for a file without records)"),
                Arguments.of("object instead of array", "users.json", USER.getBytes(StandardCharsets.UTF_8), 1, 1,
                        "expected a JSON array ('[') at the start of the file but found an object"),
                Arguments.of("missing comma between records", "users.json",
                        ("[\n" + USER + "\n" + USER + "\n]").getBytes(StandardCharsets.UTF_8), 3, 1,
                        "Unexpected character ('{' (code 123)): was expecting comma to separate Array entries"),
                Arguments.of("array never closed", "transactions.json",
                        ("[\n" + TRANSACTION + ",\n").getBytes(StandardCharsets.UTF_8), 3, 1,
                        "Unexpected end-of-input"),
                Arguments.of("second array after the first", "categories.json",
                        ("[\n" + CATEGORY + "\n]\n[]\n").getBytes(StandardCharsets.UTF_8), 4, 1,
                        "found an array after the closing ']' of the array; a file holds exactly one array"),
                // Jackson points just past the offending byte.
                Arguments.of("bytes that are not UTF-8", "users.json", notUtf8, 2, 48,
                        "Invalid UTF-8 start byte 0xff"),
                Arguments.of("number longer than 1000 digits", "users.json",
                        ("[\n" + USER.replace("\"Lyon\"", "1" + "0".repeat(1500)) + "\n]")
                                .getBytes(StandardCharsets.UTF_8), 2, 45 + 1501,
                        "Number value length (1501) exceeds the maximum allowed (1000"),
                Arguments.of("unquoted field name", "users.json",
                        ("[\n{user_id:\"user_000001\"}\n]").getBytes(StandardCharsets.UTF_8), 2, 2,
                        "Unexpected character ('u' (code 117)): was expecting double-quote to start field name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void malformedFileStopsWithFileLineColumnAndWhatWasExpected(String name, String file, byte[] content,
                                                                int line, int column, String expected)
            throws IOException {
        Map<String, String> files = validFiles();
        files.remove(file);
        Path dataset = write(files);
        Files.write(dataset.resolve(file), content);

        assertThatThrownBy(() -> DatasetValidator.validate(dataset, RejectSink.DISCARD))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(file + " line " + line + ", column ")
                .hasMessageContaining(expected)
                .hasMessageEndingWith("The file must hold one JSON array of objects; repair it or generate the "
                        + "dataset again.")
                .satisfies(error -> {
                    DatasetFormatException format = (DatasetFormatException) error;
                    assertThat(format.file()).isEqualTo(file);
                    assertThat(format.line()).isEqualTo(line);
                    assertThat(format.column()).isEqualTo(column);
                });
    }

    @Test
    void truncatedGzipIsAFormatErrorOfThatFile() throws IOException {
        Map<String, String> files = validFiles();
        String transactions = files.remove("transactions.json");
        Path dataset = write(files);
        byte[] compressed = gzip(("[\n" + (transactions + ",\n").repeat(50) + transactions + "\n]\n")
                .getBytes(StandardCharsets.UTF_8));
        Files.write(dataset.resolve("transactions.json.gz"), Arrays.copyOf(compressed, compressed.length / 2));

        assertThatThrownBy(() -> DatasetValidator.validate(dataset, RejectSink.DISCARD))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("transactions.json.gz line ")
                .hasMessageContaining("unreadable input: java.io.EOFException: Unexpected end of ZLIB input stream");
    }

    @Test
    void byteOrderMarkEmptyArrayAndFractionalUtcDatetimesAreAccepted() throws IOException {
        Map<String, String> files = validFiles();
        files.put("users.json", "\uFEFF[\n" + USER.replace("2024-02-01T00:00:00", "2024-02-01T00:00:00.123456Z")
                + "\n]\n");
        files.put("sessions_0.json", "[]");
        List<Reject> rejects = new ArrayList<>();

        ValidationReport report = DatasetValidator.validate(write(files), rejects::add);

        assertThat(rejects).isEmpty();
        assertThat(countsOf(report, "users.json")).isEqualTo(new FileCounts("users.json", "users", 1, 1, 0));
        assertThat(countsOf(report, "sessions_0.json"))
                .isEqualTo(new FileCounts("sessions_0.json", "sessions", 0, 0, 0));
        try (RecordStream<User> users = DatasetFiles.open(folder).users()) {
            assertThat(users.next().lastActive()).isEqualTo(java.time.Instant.parse("2024-02-01T00:00:00.123456Z"));
        }
    }

    @Test
    void plainStreamThrowsOnABadRecordNamingItAndCanContinue() throws IOException {
        Map<String, String> files = validFiles();
        files.put("transactions.json", "[\n" + transaction("\"quantity\":2", "\"quantity\":\"two\"") + ",\n"
                + TRANSACTION + "\n]\n");
        Path dataset = write(files);

        try (RecordStream<Transaction> transactions = DatasetFiles.open(dataset).transactions()) {
            assertThatThrownBy(transactions::next)
                    .isInstanceOf(InvalidRecordException.class)
                    .hasMessage("transactions.json record 0 (line 2, column 1), field 'items[0].quantity': expected "
                            + "an integer but found a string (rule type). Read the dataset through "
                            + "ValidatingDataset to reject such records instead of stopping.");
            assertThat(transactions.next().transactionId()).isEqualTo("txn_000000000001");
            assertThat(transactions.position()).isEqualTo(new RecordPosition("transactions.json", 1, 3, 1));
            assertThat(transactions.hasNext()).isFalse();
        }
    }

    @Test
    void missingFilesAreNamedWithTheFix() throws IOException {
        Map<String, String> files = validFiles();
        files.remove("products.json");
        Path dataset = write(files);

        assertThatThrownBy(() -> DatasetFiles.open(dataset))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dataset folder " + dataset.toAbsolutePath() + " has no products.json (or "
                        + "products.json.gz); a dataset needs users, products, categories, transactions and "
                        + "sessions_N files");
    }

    static Map<String, String> validFiles() {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("categories.json", CATEGORY);
        files.put("products.json", PRODUCT);
        files.put("users.json", USER);
        files.put("transactions.json", TRANSACTION);
        files.put("sessions_0.json", SESSION);
        files.replaceAll((name, record) -> record);
        return files;
    }

    private Path write(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            String content = file.getValue().startsWith("[") || file.getValue().startsWith("\uFEFF")
                    ? file.getValue() : "[\n" + file.getValue() + "\n]\n";
            Files.writeString(folder.resolve(file.getKey()), content, StandardCharsets.UTF_8);
        }
        return folder;
    }

    private static FileCounts countsOf(ValidationReport report, String file) {
        return report.files().stream().filter(counts -> counts.file().equals(file)).findFirst().orElseThrow();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream output = new GZIPOutputStream(buffer)) {
            output.write(bytes);
        }
        return buffer.toByteArray();
    }
}
