package io.ecomanalytics.data;

import io.ecomanalytics.testing.TestDatasets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.ecomanalytics.data.BadInputCorpusTest.PRODUCT;
import static io.ecomanalytics.data.BadInputCorpusTest.SESSION;
import static io.ecomanalytics.data.BadInputCorpusTest.TRANSACTION;
import static org.assertj.core.api.Assertions.assertThat;

class ValidatingDatasetTest {

    @TempDir
    Path folder;

    @Test
    void streamsOnlyAcceptedRecordsAndReportsEachRejectOnce() throws IOException {
        Path dataset = TestDatasets.copyTiny(folder.resolve("tiny"));
        // Break the first transaction's total, and make a user point before its own registration.
        String transactions = Files.readString(dataset.resolve("transactions.json"));
        int totalAt = transactions.indexOf("\"total\":") + "\"total\":".length();
        Files.writeString(dataset.resolve("transactions.json"),
                transactions.substring(0, totalAt) + "9" + transactions.substring(totalAt));
        List<Reject> rejects = new ArrayList<>();
        ValidatingDataset validating = ValidatingDataset.open(dataset, rejects::add);

        List<String> ids = new ArrayList<>();
        try (RecordStream<Transaction> stream = validating.transactions()) {
            stream.forEachRemaining(transaction -> ids.add(transaction.transactionId()));
        }
        List<String> usersFirst = new ArrayList<>();
        try (RecordStream<User> users = validating.users()) {
            users.forEachRemaining(user -> usersFirst.add(user.userId()));
        }

        assertThat(ids).hasSize(99);
        assertThat(usersFirst).hasSize(40);
        assertThat(rejects).singleElement().satisfies(reject -> {
            assertThat(reject.rule()).isEqualTo(Rule.ARITHMETIC);
            assertThat(reject.field()).isEqualTo("total");
            assertThat(reject.position()).isEqualTo(new RecordPosition("transactions.json", 0, 2, 1));
        });
        ValidationReport report = validating.report();
        assertThat(report.files()).extracting(FileCounts::file)
                .containsExactly("categories.json", "products.json", "users.json", "transactions.json");
        assertThat(report.read()).isEqualTo(5 + 30 + 40 + 100);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.reconciles()).isTrue();

        ValidationReport all = validating.validateAll();
        assertThat(all.read()).isEqualTo(5 + 30 + 40 + 100 + 100);
        assertThat(all.rejectsByRule()).containsOnlyKeys(Rule.ARITHMETIC);
        assertThat(rejects).hasSize(1);
    }

    @Test
    void rejectSinkWritesOneJsonLinePerRejectWithTheRawRecord() throws IOException {
        Path dataset = folder.resolve("dataset");
        Files.createDirectories(dataset);
        Files.writeString(dataset.resolve("categories.json"), "[" + BadInputCorpusTest.CATEGORY + "]");
        Files.writeString(dataset.resolve("products.json"), "[" + PRODUCT + "]");
        Files.writeString(dataset.resolve("users.json"), "[" + BadInputCorpusTest.USER + "]");
        String badQuantity = TRANSACTION.replace("\"quantity\":2", "\"quantity\":0");
        Files.writeString(dataset.resolve("transactions.json"), "[\r\n  " + TRANSACTION + ",\r\n  " + badQuantity
                + "\r\n]\r\n");
        Files.writeString(dataset.resolve("sessions_0.json"), "[" + SESSION + "]");
        Path rejectFile = folder.resolve("rejects.jsonl");

        ValidationReport report;
        try (RejectSink sink = RejectSink.jsonLines(rejectFile)) {
            report = DatasetValidator.validate(dataset, sink);
        }

        List<String> lines = Files.readAllLines(rejectFile, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get("file").asText()).isEqualTo("transactions.json");
        assertThat(line.get("record_index").asLong()).isEqualTo(1);
        assertThat(line.get("line").asLong()).isEqualTo(3);
        assertThat(line.get("column").asLong()).isEqualTo(3);
        assertThat(line.get("rule").asText()).isEqualTo("range");
        assertThat(line.get("field").asText()).isEqualTo("items[0].quantity");
        assertThat(line.get("message").asText()).isEqualTo("quantity 0 is not at least 1");
        assertThat(line.get("raw_record").asText()).isEqualTo(badQuantity);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.reconciles()).isTrue();
    }

    @Test
    void prettyCrlfGzipAndCompactFilesValidateAlike() throws IOException {
        Path compact = TestDatasets.copyTiny(folder.resolve("compact"));
        Path pretty = folder.resolve("pretty");
        Files.createDirectories(pretty);
        DatasetFiles source = DatasetFiles.open(compact);
        copy(source, EntityType.USERS, pretty.resolve("users.json.gz"));
        copy(source, EntityType.PRODUCTS, pretty.resolve("products.json"));
        copy(source, EntityType.CATEGORIES, pretty.resolve("categories.json"));
        copy(source, EntityType.TRANSACTIONS, pretty.resolve("transactions.json"));
        copy(source, EntityType.SESSIONS, pretty.resolve("sessions_7.json.gz"));
        assertThat(Files.readString(pretty.resolve("transactions.json"))).contains("\r\n  {\r\n    \"transaction_id\"");

        ValidationReport compactReport = DatasetValidator.validate(compact, RejectSink.DISCARD);
        ValidationReport prettyReport = DatasetValidator.validate(pretty, RejectSink.DISCARD);

        assertThat(prettyReport.accepted()).isEqualTo(compactReport.accepted()).isEqualTo(275);
        assertThat(prettyReport.rejected()).isZero();
        List<Session> fromPretty = new ArrayList<>();
        List<Session> fromCompact = new ArrayList<>();
        try (RecordStream<Session> stream = ValidatingDataset.open(pretty, RejectSink.DISCARD).sessions()) {
            stream.forEachRemaining(fromPretty::add);
            assertThat(stream.position()).isEqualTo(new RecordPosition("sessions_7.json.gz", 99,
                    stream.position().line(), 3));
        }
        try (RecordStream<Session> stream = DatasetFiles.open(compact).sessions()) {
            stream.forEachRemaining(fromCompact::add);
        }
        assertThat(fromPretty).isEqualTo(fromCompact);
    }

    private static <T> void copy(DatasetFiles source, EntityType<T> type, Path target) {
        try (RecordStream<T> records = source.records(type);
             JsonArrayWriter<T> writer = JsonArrayWriter.open(target, type, JsonLayout.PRETTY, LineEnding.CRLF)) {
            records.forEachRemaining(writer::write);
        }
    }
}
