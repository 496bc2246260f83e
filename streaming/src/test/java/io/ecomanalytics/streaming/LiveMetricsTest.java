package io.ecomanalytics.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ecomanalytics.testing.SharedSpark;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hand-worked windows: three transactions (20.00 of cat_001 and 5.55 of cat_002 in the 10:00 minute, 10.00 of
 * cat_001 in the 10:01 minute) and two sessions ending 10:00 (converted) and 10:03 (abandoned).
 */
@ExtendWith(SharedSpark.class)
class LiveMetricsTest {
    /** One computation for both checks: each run of the aggregation costs seconds on 2 cores. */
    @Test
    void windowsAddUpTheBatchAndEventsBehindTheWatermarkAreCountedLateAndStillAdded(SparkSession spark) {
        List<Row> contributions = contributions(spark, minute("10:01"));

        assertThat(select(contributions, "revenue_by_category")).containsExactlyInAnyOrder(
                tuple(minute("10:00"), "cat_001", 2000L, 1L, 1L),
                tuple(minute("10:00"), "cat_002", 555L, 1L, 1L),
                tuple(minute("10:01"), "cat_001", 1000L, 1L, 0L));
        assertThat(select(contributions, "orders")).containsExactlyInAnyOrder(
                tuple(minute("10:00"), "", 0L, 2L, 2L),
                tuple(minute("10:01"), "", 0L, 1L, 0L));
        List<Row> conversion = rows(contributions, "conversion_rate");
        assertThat(conversion).hasSize(1);
        assertThat((Timestamp) conversion.get(0).getAs("window_start")).isEqualTo(minute("10:00"));
        assertThat((Timestamp) conversion.get(0).getAs("window_end")).isEqualTo(minute("10:05"));
        assertThat((long) conversion.get(0).getAs("events")).isEqualTo(2L);
        assertThat((long) conversion.get(0).getAs("converted")).isEqualTo(1L);
        assertThat((long) conversion.get(0).getAs("late")).as("its window is still open").isZero();
        List<Row> activeAtTen = rows(contributions, "active_users").stream()
                .filter(row -> row.getAs("window_start").equals(minute("10:00"))).toList();
        assertThat(activeAtTen.get(0).<String>getList(activeAtTen.get(0).fieldIndex("users")))
                .containsExactlyInAnyOrder("user_000001", "user_000002");
        assertThat((long) activeAtTen.get(0).getAs("late")).isEqualTo(3L);
    }

    private static List<Row> contributions(SparkSession spark, Timestamp watermark) {
        Dataset<Row> events = TestEvents.kafkaRows(spark, List.of(
                new String[] {EventTopics.TRANSACTIONS, TestEvents.transaction("txn_000000000001", "user_000001",
                        "2024-02-01T10:00:10", "prod_00001", 2, "10.00")},
                new String[] {EventTopics.TRANSACTIONS, TestEvents.transaction("txn_000000000002", "user_000002",
                        "2024-02-01T10:00:50", "prod_00002", 1, "5.55")},
                new String[] {EventTopics.TRANSACTIONS, TestEvents.transaction("txn_000000000003", "user_000001",
                        "2024-02-01T10:01:05", "prod_00001", 1, "10.00")},
                new String[] {EventTopics.SESSIONS, TestEvents.session("sess_0000000001", "2024-02-01T10:00:00",
                        "converted")},
                new String[] {EventTopics.SESSIONS, TestEvents.session("sess_0000000002", "2024-02-01T10:03:00",
                        "abandoned")}));
        Map<String, String> productCategories = Map.of("prod_00001", "cat_001", "prod_00002", "cat_002");
        Dataset<Row> validated = LiveEvents.validate(events, TestEvents.VALIDATOR);
        assertThat(validated.filter("accepted").count()).as("every hand-made event is valid").isEqualTo(5);
        return LiveMetrics.contributions(validated, productCategories, watermark).collectAsList();
    }

    private static List<Row> rows(List<Row> contributions, String metric) {
        return contributions.stream().filter(row -> row.getAs("metric").equals(metric)).toList();
    }

    private static List<Tuple> select(List<Row> contributions, String metric) {
        return rows(contributions, metric).stream().map(row -> tuple(row.getAs("window_start"), row.getAs("key"),
                row.getAs("amount_cents"), row.getAs("events"), row.getAs("late"))).toList();
    }

    private static Timestamp minute(String time) {
        return Timestamp.from(Instant.parse("2024-02-01T" + time + ":00Z"));
    }
}
