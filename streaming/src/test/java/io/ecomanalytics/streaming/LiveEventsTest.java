package io.ecomanalytics.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecomanalytics.testing.SampleJson;
import io.ecomanalytics.testing.SharedSpark;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class LiveEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNKNOWN_PAYMENT = SampleJson.replaced(SampleJson.TRANSACTION, "\"paypal\"",
            "\"cash\"");
    private static final String UNKNOWN_USER = SampleJson.replaced(SampleJson.TRANSACTION, "\"user_000001\"",
            "\"user_999999\"");

    @Test
    void everyEventComesOutOnceAcceptedOrWithTheRuleItBroke(SparkSession spark) {
        Dataset<Row> events = TestEvents.kafkaRows(spark, List.of(
                new String[] {EventTopics.TRANSACTIONS, SampleJson.TRANSACTION},
                new String[] {EventTopics.TRANSACTIONS, UNKNOWN_PAYMENT},
                new String[] {EventTopics.TRANSACTIONS, UNKNOWN_USER},
                new String[] {EventTopics.TRANSACTIONS, "{\"transaction_id\": "},
                new String[] {EventTopics.SESSIONS, SampleJson.SESSION}));

        List<Row> validated = LiveEvents.validate(events, TestEvents.VALIDATOR).orderBy("offset").collectAsList();

        assertThat(validated).extracting(row -> row.getAs("offset"), row -> row.getAs("accepted"),
                row -> row.getAs("rule"), row -> row.getAs("field")).containsExactly(
                tuple(0L, true, null, null),
                tuple(1L, false, "enumeration", "payment_method"),
                tuple(2L, false, "reference", "user_id"),
                tuple(3L, false, "type", "(record)"),
                tuple(4L, true, null, null));
        Row transaction = validated.get(0);
        assertThat((String) transaction.getAs("event_id")).isEqualTo("txn_000000000001");
        assertThat((Timestamp) transaction.getAs("event_time"))
                .isEqualTo(Timestamp.from(Instant.parse("2024-02-01T10:00:00Z")));
        Row item = transaction.<Row>getList(transaction.fieldIndex("items")).get(0);
        assertThat((String) item.getAs("product_id")).isEqualTo("prod_00001");
        assertThat((BigDecimal) item.getAs("subtotal")).isEqualByComparingTo("20.00");
        Row session = validated.get(4);
        assertThat((String) session.getAs("conversion_status")).isEqualTo("converted");
        assertThat((Timestamp) session.getAs("event_time"))
                .as("a session is an event when it ends")
                .isEqualTo(Timestamp.from(Instant.parse("2024-02-01T10:00:00Z")));
    }

    @Test
    void rejectsCarryTheRuleTheMessageAndTheEventAsReceived(SparkSession spark) throws Exception {
        Dataset<Row> events = TestEvents.kafkaRows(spark, List.<String[]>of(
                new String[] {EventTopics.TRANSACTIONS, SampleJson.TRANSACTION},
                new String[] {EventTopics.TRANSACTIONS, UNKNOWN_PAYMENT}));

        List<Row> rejects = LiveEvents.rejects(LiveEvents.validate(events, TestEvents.VALIDATOR)).collectAsList();

        assertThat(rejects).hasSize(1);
        assertThat((String) rejects.get(0).getAs("key")).isEqualTo("user_000001");
        JsonNode value = JSON.readTree((String) rejects.get(0).getAs("value"));
        assertThat(value.get("topic").asText()).isEqualTo(EventTopics.TRANSACTIONS);
        assertThat(value.get("offset").asLong()).isEqualTo(1L);
        assertThat(value.get("rule").asText()).isEqualTo("enumeration");
        assertThat(value.get("message").asText()).contains("cash");
        assertThat(value.get("event").asText()).isEqualTo(UNKNOWN_PAYMENT);
    }
}
