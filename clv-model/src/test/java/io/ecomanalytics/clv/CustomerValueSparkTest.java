package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The Spark versions must give exactly what the list-based {@link CompositeScores} and {@link CustomerSegments} give. */
class CustomerValueSparkTest {
    private static final StructType ACTIVITY = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("total_spent", DataTypes.DoubleType, false)
            .add("purchase_count", DataTypes.LongType, false)
            .add("session_count", DataTypes.LongType, false)
            .add("average_session_seconds", DataTypes.DoubleType, false)
            .add("conversion_rate", DataTypes.DoubleType, false);
    private static final StructType SUMMARY = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("frequency", DataTypes.IntegerType, false)
            .add("recency", DataTypes.DoubleType, false)
            .add("T", DataTypes.DoubleType, false)
            .add("monetary_value", DataTypes.DoubleType, false);

    private final SparkSession spark = SharedSpark.session();

    @Test
    void compositeScoresEqualTheListBasedScoresForARandomPopulation() {
        Random random = new Random(7);
        List<CustomerActivity> customers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long sessions = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(20);
            customers.add(new CustomerActivity(String.format(Locale.ROOT, "user_%06d", i),
                    Math.round(random.nextDouble() * 500_000) / 100.0, 1 + random.nextInt(12), sessions,
                    sessions == 0 ? 0 : 30 + random.nextDouble() * 3000, sessions == 0 ? 0 : random.nextDouble()));
        }
        EngagementWeights weights = new EngagementWeights(0.5, 0.3, 0.2);
        Map<String, CompositeScore> expected = CompositeScores.engagementWeighted(customers, weights).stream()
                .collect(Collectors.toMap(CompositeScore::customerId, Function.identity()));
        List<Row> rows = customers.stream().map(c -> RowFactory.create(c.customerId(), c.totalSpent(),
                c.purchaseCount(), c.sessionCount(), c.averageSessionSeconds(), c.conversionRate())).toList();

        List<Row> scored = CustomerValueSpark.compositeScores(spark.createDataFrame(rows, ACTIVITY), weights)
                .collectAsList();

        assertThat(scored).hasSize(customers.size());
        Map<String, CustomerActivity> byId = customers.stream()
                .collect(Collectors.toMap(CustomerActivity::customerId, Function.identity()));
        for (Row row : scored) {
            String id = row.getString(row.fieldIndex("customer_id"));
            assertThat(row.getDouble(row.fieldIndex("engagement_score")))
                    .isCloseTo(expected.get(id).score(), within(1e-9));
            assertThat(row.getString(row.fieldIndex("tier")))
                    .isEqualTo(expected.get(id).tier().name().toLowerCase(Locale.ROOT));
            assertThat(row.getDouble(row.fieldIndex("legacy_score")))
                    .isCloseTo(CompositeScores.legacy(byId.get(id)), within(1e-9));
        }
    }

    @Test
    void segmentsEqualTheListBasedSegmentsIncludingTies() {
        Random random = new Random(11);
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int frequency = random.nextInt(3) == 0 ? 0 : random.nextInt(8);
            double age = 10 + random.nextInt(80);
            double recency = frequency == 0 ? 0 : random.nextInt((int) age);
            customers.add(new CustomerSummary(String.format(Locale.ROOT, "user_%06d", i), frequency, recency, age,
                    frequency == 0 ? 0 : Math.round(random.nextDouble() * 30_000) / 100.0));
        }
        Map<String, SegmentedCustomer> expected = CustomerSegments.of(customers).customers().stream()
                .collect(Collectors.toMap(SegmentedCustomer::customerId, Function.identity()));
        List<Row> rows = customers.stream().map(c -> RowFactory.create(c.customerId(), c.frequency(), c.recency(),
                c.age(), c.monetaryValue())).toList();

        List<Row> segmented = CustomerValueSpark.segments(spark.createDataFrame(rows, SUMMARY)).collectAsList();

        assertThat(segmented).hasSize(customers.size());
        for (Row row : segmented) {
            SegmentedCustomer want = expected.get(row.getString(row.fieldIndex("customer_id")));
            assertThat(row.getInt(row.fieldIndex("recency_score"))).isEqualTo(want.recencyScore());
            assertThat(row.getInt(row.fieldIndex("frequency_score"))).isEqualTo(want.frequencyScore());
            assertThat(row.getInt(row.fieldIndex("monetary_score"))).isEqualTo(want.monetaryScore());
            assertThat(row.getString(row.fieldIndex("segment")))
                    .isEqualTo(want.segment().name().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void aFrameWithoutTheActivityColumnsIsRefusedWithTheirNames() {
        Dataset<Row> summaries = spark.createDataFrame(List.of(RowFactory.create("user_1", 1, 2.0, 3.0, 4.0)), SUMMARY);

        assertThatThrownBy(() -> CustomerValueSpark.compositeScores(summaries, EngagementWeights.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the customer DataFrame lacks the columns [total_spent, purchase_count,"
                        + " session_count, average_session_seconds, conversion_rate]");
    }

    @Test
    void theCustomerTableJoinsSpendAndEngagementAndGivesCustomersWithoutSessionsZeros() {
        StructType predictions = ClvSpark.predictionSchema();
        List<Row> predicted = List.of(
                RowFactory.create("u1", 2, 30.0, 60.0, 40.0, 1.5, 0.9, 41.0, 120.0),
                RowFactory.create("u2", 0, 0.0, 50.0, 0.0, 0.2, 1.0, 35.0, 10.0));
        StructType spendSchema = new StructType().add("user_id", DataTypes.StringType).add("orders", DataTypes.LongType)
                .add("total_spent", DataTypes.createDecimalType(28, 2));
        List<Row> spend = List.of(RowFactory.create("u1", 3L, new BigDecimal("120.00")),
                RowFactory.create("u2", 1L, new BigDecimal("35.00")));
        StructType engagementSchema = new StructType().add("user_id", DataTypes.StringType)
                .add("sessions", DataTypes.LongType).add("average_duration_seconds", DataTypes.DoubleType)
                .add("conversion_rate", DataTypes.DoubleType);
        List<Row> engagement = List.<Row>of(RowFactory.create("u1", 4L, 300.0, 0.75));

        List<Row> table = CustomerValueSpark.customerTable(
                spark.createDataFrame(predicted, predictions), spark.createDataFrame(spend, spendSchema),
                spark.createDataFrame(engagement, engagementSchema), new EngagementWeights(0.5, 0.3, 0.2))
                .collectAsList();

        assertThat(table).extracting(row -> row.getString(row.fieldIndex("customer_id"))).containsExactly("u1", "u2");
        Row second = table.get(1);
        assertThat(second.getLong(second.fieldIndex("orders"))).isEqualTo(1L);
        assertThat(second.getDouble(second.fieldIndex("total_spent"))).isEqualTo(35.0);
        assertThat(second.getLong(second.fieldIndex("sessions"))).isZero();
        assertThat(second.getDouble(second.fieldIndex("average_session_seconds"))).isZero();
        Row first = table.get(0);
        assertThat(first.getLong(first.fieldIndex("sessions"))).isEqualTo(4L);
        assertThat(first.getDouble(first.fieldIndex("conversion_rate"))).isEqualTo(0.75);
        assertThat(first.getString(first.fieldIndex("segment"))).isNotBlank();
    }
}
