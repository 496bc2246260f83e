package io.ecomanalytics.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecomanalytics.testing.TestDatasets;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON files read and cleaned once, into a cache: every record is kept or counted as rejected (rejects planted into
 * a copy of the tiny dataset; expected counts come from the files themselves, read with Jackson), and the tables are
 * read from the cache after the files are gone.
 */
class JsonDatasetReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void everyRecordIsKeptOrCountedAsRejectedAndTheFilesAreReadOnce() throws IOException {
        Path dataset = TestDatasets.copyTiny(Files.createDirectories(folder.resolve("tiny")));
        ArrayNode users = (ArrayNode) JSON.readTree(dataset.resolve("users.json").toFile());
        ArrayNode transactions = (ArrayNode) JSON.readTree(dataset.resolve("transactions.json").toFile());
        int goodUsers = users.size();
        int goodTransactions = transactions.size();
        // Three planted rejects: a payment method outside the vocabulary, a total that is not subtotal - discount,
        // and a registration date that is no date.
        ObjectNode unknownPayment = transactions.get(0).deepCopy();
        unknownPayment.put("transaction_id", "txn_planted0001").put("payment_method", "bitcoin");
        ObjectNode wrongTotal = transactions.get(1).deepCopy();
        wrongTotal.put("transaction_id", "txn_planted0002").put("total",
                wrongTotal.get("total").decimalValue().add(BigDecimal.ONE));
        transactions.add(unknownPayment).add(wrongTotal);
        ObjectNode notADate = users.get(0).deepCopy();
        notADate.put("user_id", "user_999999").put("registration_date", "yesterday");
        users.add(notADate);
        JSON.writeValue(dataset.resolve("transactions.json").toFile(), transactions);
        JSON.writeValue(dataset.resolve("users.json").toFile(), users);

        try (JsonDatasetReader.CleanedFiles read = JsonDatasetReader.read(SharedSpark.session(), dataset)) {
            // Read and cleaned once, into the cache: the tables no longer need the files.
            TestDatasets.delete(dataset);

            assertThat(read.rejected()).isEqualTo(3);
            assertThat(read.tables().users().count()).isEqualTo(goodUsers);
            assertThat(read.tables().transactions().count()).isEqualTo(goodTransactions);
            assertThat(read.tables().transactions().filter("payment_method = 'bitcoin'").count()).isZero();
            assertThat(read.tables().users().filter("user_id = 'user_999999'").count()).isZero();
            assertThat(read.tables().transactions().columns()).as("the kept schema, without the verdict")
                    .containsExactly("transaction_id", "session_id", "user_id", "timestamp", "items", "subtotal",
                            "discount", "total", "payment_method", "status");
        }
    }
}
