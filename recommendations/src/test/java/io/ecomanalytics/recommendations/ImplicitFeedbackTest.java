package io.ecomanalytics.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ImplicitFeedbackTest {
    private final SparkSession spark = SharedSpark.session();

    @Test
    void pageViewsWithAProductCartContentsAndSoldItemsBecomeOneEventEach() {
        Timestamp viewed = Timestamp.from(Instant.parse("2026-03-01T10:00:00Z"));
        Timestamp sessionEnd = Timestamp.from(Instant.parse("2026-03-01T10:20:00Z"));
        Timestamp bought = Timestamp.from(Instant.parse("2026-03-02T08:00:00Z"));
        Dataset<Row> pageViews = spark.createDataFrame(List.of(
                RowFactory.create("u1", "p1", viewed),
                RowFactory.create("u1", null, viewed)), new StructType()
                .add("user_id", DataTypes.StringType).add("product_id", DataTypes.StringType)
                .add("timestamp", DataTypes.TimestampType));
        StructType line = new StructType().add("quantity", DataTypes.IntegerType)
                .add("price", DataTypes.createDecimalType(18, 2));
        Dataset<Row> sessions = spark.createDataFrame(List.of(
                RowFactory.create("u1", sessionEnd, scala.collection.immutable.Map$.MODULE$.<String, Row>empty()
                        .updated("p2", RowFactory.create(1, new BigDecimal("9.99")))),
                RowFactory.create("u2", sessionEnd, null)), new StructType()
                .add("user_id", DataTypes.StringType).add("end_time", DataTypes.TimestampType)
                .add("cart_contents", DataTypes.createMapType(DataTypes.StringType, line)));
        Dataset<Row> items = spark.createDataFrame(List.of(RowFactory.create("u1", "p3", bought)), new StructType()
                .add("user_id", DataTypes.StringType).add("product_id", DataTypes.StringType)
                .add("timestamp", DataTypes.TimestampType));

        Dataset<Row> events = ImplicitFeedback.events(pageViews, sessions, items);

        assertThat(events.schema()).isEqualTo(ImplicitFeedback.EVENT_SCHEMA);
        assertThat(events.collectAsList()).containsExactlyInAnyOrder(
                RowFactory.create("u1", "p1", "view", viewed),
                RowFactory.create("u1", "p2", "cart_add", sessionEnd),
                RowFactory.create("u1", "p3", "purchase", bought));
    }

    @Test
    void confidenceIsTheWeightedSumOfTheEventsUpToTheCut() {
        HandMadeShop shop = new HandMadeShop(spark)
                .event("u1", "p1", EventType.VIEW, 0)
                .event("u1", "p1", EventType.VIEW, 0)
                .event("u1", "p1", EventType.CART_ADD, 7)
                .event("u1", "p1", EventType.PURCHASE, 14)
                .event("u1", "p1", EventType.PURCHASE, -1);

        Row row = ImplicitFeedback.confidence(shop.events(), FeedbackWeights.defaults(), HandMadeShop.END).first();

        // 2 views x 1 + 1 cart add x 3 + 1 purchase x 10; the purchase after the cut does not count.
        assertThat(row.<Double>getAs("confidence")).isEqualTo(15.0);
        assertThat(Map.of("views", row.<Long>getAs("views"), "cart_adds", row.<Long>getAs("cart_adds"),
                "purchases", row.<Long>getAs("purchases")))
                .isEqualTo(Map.of("views", 2L, "cart_adds", 1L, "purchases", 1L));
        assertThat(row.<Timestamp>getAs("last_event").toInstant()).isEqualTo(HandMadeShop.END);
    }

    @Test
    void withAHalfLifeAnEventCountsHalfPerHalfLifeOfAge() {
        HandMadeShop shop = new HandMadeShop(spark)
                .event("u1", "p1", EventType.VIEW, 0)
                .event("u1", "p1", EventType.VIEW, 0)
                .event("u1", "p1", EventType.CART_ADD, 7)
                .event("u1", "p1", EventType.PURCHASE, 14);

        Dataset<Row> table = ImplicitFeedback.confidence(shop.events(),
                FeedbackWeights.defaults().withHalfLife(Duration.ofDays(7)), HandMadeShop.END);

        // 2 x 1 + 3 x 0.5 (one half-life old) + 10 x 0.25 (two half-lives old) = 6.
        assertThat(table.schema()).isEqualTo(ImplicitFeedback.CONFIDENCE_SCHEMA);
        assertThat(table.first().<Double>getAs("confidence")).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void weightsMustBeFiniteAndNotNegativeAndTheHalfLifePositive() {
        assertThatThrownBy(() -> new FeedbackWeights(-1, 3, 10, java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The view weight must be a finite number >= 0, was -1.0");
        assertThatThrownBy(() -> FeedbackWeights.defaults().withHalfLife(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The half-life must be positive, was PT0S; leave it empty for no recency decay");
    }
}
