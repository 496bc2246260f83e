package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Implicit feedback from both stores: product page views and cart adds from the HBase sessions, purchases from the
 * MongoDB transactions, as one event table, and the user x product confidence table the models learn from.
 */
public final class ImplicitFeedback {
    /** The schema of {@link #events}. */
    public static final StructType EVENT_SCHEMA = new StructType()
            .add("user_id", DataTypes.StringType)
            .add("product_id", DataTypes.StringType)
            .add("event", DataTypes.StringType, false)
            .add("timestamp", DataTypes.TimestampType);

    /** The schema of {@link #confidence}. */
    public static final StructType CONFIDENCE_SCHEMA = new StructType()
            .add("user_id", DataTypes.StringType)
            .add("product_id", DataTypes.StringType)
            .add("confidence", DataTypes.DoubleType)
            .add("views", DataTypes.LongType, false)
            .add("cart_adds", DataTypes.LongType, false)
            .add("purchases", DataTypes.LongType, false)
            .add("last_event", DataTypes.TimestampType);

    private static final double SECONDS_PER_DAY = 86_400;

    private ImplicitFeedback() {
    }

    /**
     * One row per event ({@link #EVENT_SCHEMA}): a page view with a product (product_detail pages) is a {@code view}
     * at its time, each product in a session's cart a {@code cart_add} at the session's end, each sold transaction
     * item a {@code purchase} at the transaction's time.
     *
     * @param pageViews        {@code io.ecomanalytics.transforms.PageViews#from} of the cleaned sessions
     * @param sessions         cleaned sessions (user_id, end_time, cart_contents)
     * @param transactionItems {@code io.ecomanalytics.transforms.TransactionItems#from} (user_id, product_id,
     *                         timestamp)
     */
    public static Dataset<Row> events(Dataset<Row> pageViews, Dataset<Row> sessions, Dataset<Row> transactionItems) {
        Dataset<Row> views = pageViews
                .filter(col("product_id").isNotNull().and(col("user_id").isNotNull()))
                .select(col("user_id"), col("product_id"), lit(EventType.VIEW.columnValue()).as("event"),
                        col("timestamp"));
        Dataset<Row> cartAdds = sessions
                .filter(col("user_id").isNotNull().and(col("cart_contents").isNotNull()))
                .select(col("user_id"), explode(map_keys(col("cart_contents"))).as("product_id"),
                        lit(EventType.CART_ADD.columnValue()).as("event"), col("end_time").as("timestamp"));
        Dataset<Row> purchases = transactionItems
                .filter(col("user_id").isNotNull().and(col("product_id").isNotNull()))
                .select(col("user_id"), col("product_id"), lit(EventType.PURCHASE.columnValue()).as("event"),
                        col("timestamp"));
        return views.unionByName(cartAdds).unionByName(purchases)
                .select(col("user_id").cast(DataTypes.StringType), col("product_id").cast(DataTypes.StringType),
                        col("event"), col("timestamp").cast(DataTypes.TimestampType));
    }

    /**
     * The confidence table ({@link #CONFIDENCE_SCHEMA}): per user and product, the weighted sum of its events at or
     * before {@code asOf}, each weighted by {@link FeedbackWeights#weightOf} and, with a half-life, by
     * 0.5^(age / half-life) where age = asOf - event time. Also the raw counts per kind and the latest event.
     *
     * @param events {@link #events}, or any table with its columns
     */
    public static Dataset<Row> confidence(Dataset<Row> events, FeedbackWeights weights, Instant asOf) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(asOf, "asOf");
        Column weight = lit(0.0);
        for (EventType type : EventType.values()) {
            weight = when(col("event").equalTo(type.columnValue()), lit(weights.weightOf(type))).otherwise(weight);
        }
        Column decayed = weights.halfLife()
                .map(halfLife -> weightWithDecay(halfLife.toMillis() / 1000.0 / SECONDS_PER_DAY, asOf))
                .map(factor -> col("weight").multiply(factor))
                .orElse(col("weight"));
        return events
                .filter(col("timestamp").leq(lit(Timestamp.from(asOf))))
                .withColumn("weight", weight)
                .groupBy("user_id", "product_id")
                .agg(sum(decayed).as("confidence"),
                        count(when(col("event").equalTo(EventType.VIEW.columnValue()), lit(1))).as("views"),
                        count(when(col("event").equalTo(EventType.CART_ADD.columnValue()), lit(1))).as("cart_adds"),
                        count(when(col("event").equalTo(EventType.PURCHASE.columnValue()), lit(1))).as("purchases"),
                        max("timestamp").as("last_event"))
                .select(col("user_id"), col("product_id"), col("confidence").cast(DataTypes.DoubleType),
                        col("views"), col("cart_adds"), col("purchases"), col("last_event"));
    }

    /** 0.5^(age in days / half-life in days). */
    private static Column weightWithDecay(double halfLifeDays, Instant asOf) {
        Column ageDays = lit(Timestamp.from(asOf)).cast(DataTypes.DoubleType)
                .minus(col("timestamp").cast(DataTypes.DoubleType))
                .divide(SECONDS_PER_DAY);
        return pow(lit(0.5), ageDays.divide(halfLifeDays));
    }
}
