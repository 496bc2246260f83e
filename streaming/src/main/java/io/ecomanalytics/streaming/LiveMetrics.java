package io.ecomanalytics.streaming;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.window;

import java.sql.Timestamp;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The live metrics' contributions of one micro-batch, a pure function of its validated events: per metric, window and
 * key, the batch's revenue in cents, event count, converted sessions, distinct users and late events. Summed over
 * every batch that touched a window ({@link LiveMetricsWriter}), they give the window's metric.
 *
 * <p>An event is late when its window had already closed behind the watermark the batch started with (the largest
 * event time of the earlier batches minus the allowed delay). A late event is counted in {@code late} and still added
 * to its window: late data is counted, never lost, so the windows always add up to what the stores hold.
 */
public final class LiveMetrics {

    private LiveMetrics() {
    }

    /**
     * Output schema: metric string ({@link LiveMetric#wireName()}), window_start timestamp, window_end timestamp,
     * key string (category id for revenue, empty otherwise), amount_cents long (revenue only, else 0), events long,
     * converted long, users array&lt;string&gt; (active users only, else empty), late long.
     *
     * @param validated          {@link LiveEvents#validate} rows
     * @param productCategories  product_id and category_id of every product
     * @param watermark          the watermark the batch started with (null: none yet, nothing is late)
     */
    public static Dataset<Row> contributions(Dataset<Row> validated, Dataset<Row> productCategories,
            Timestamp watermark) {
        Dataset<Row> transactions = LiveEvents.accepted(validated, EventTopics.TRANSACTIONS);
        Dataset<Row> sessions = LiveEvents.accepted(validated, EventTopics.SESSIONS);
        Dataset<Row> all = validated.filter(col("accepted"));

        Dataset<Row> items = transactions
                .select(col("event_id"), col("event_time"), explode(col("items")).as("item"))
                .select(col("event_id"), col("event_time"), col("item.product_id").as("product_id"),
                        col("item.subtotal").as("subtotal"))
                .join(broadcast(productCategories.select("product_id", "category_id")),
                        new String[] {"product_id"}, "left_outer");
        Dataset<Row> revenue = windowed(items, LiveMetric.REVENUE_BY_CATEGORY, watermark)
                .groupBy(col("w"), coalesce(col("category_id"), lit("")).as("key"))
                .agg(sum(col("subtotal").multiply(100).cast(DataTypes.LongType)).as("amount_cents"),
                        count_distinct(col("event_id")).as("events"),
                        lit(0L).as("converted"),
                        emptyUsers().as("users"),
                        coalesce(count_distinct(when(col("late"), col("event_id"))), lit(0L)).as("late"));
        Dataset<Row> orders = windowed(transactions, LiveMetric.ORDERS, watermark)
                .groupBy(col("w"), lit("").as("key"))
                .agg(lit(0L).as("amount_cents"), count(lit(1)).as("events"), lit(0L).as("converted"),
                        emptyUsers().as("users"), lateCount());
        Dataset<Row> activeUsers = windowed(all, LiveMetric.ACTIVE_USERS, watermark)
                .groupBy(col("w"), lit("").as("key"))
                .agg(lit(0L).as("amount_cents"), count(lit(1)).as("events"), lit(0L).as("converted"),
                        collect_set(col("user_id")).as("users"), lateCount());
        Dataset<Row> conversion = windowed(sessions, LiveMetric.CONVERSION_RATE, watermark)
                .groupBy(col("w"), lit("").as("key"))
                .agg(lit(0L).as("amount_cents"), count(lit(1)).as("events"),
                        sum(when(col("conversion_status").equalTo("converted"), 1L).otherwise(0L)).as("converted"),
                        emptyUsers().as("users"), lateCount());
        return tagged(revenue, LiveMetric.REVENUE_BY_CATEGORY)
                .unionByName(tagged(orders, LiveMetric.ORDERS))
                .unionByName(tagged(activeUsers, LiveMetric.ACTIVE_USERS))
                .unionByName(tagged(conversion, LiveMetric.CONVERSION_RATE));
    }

    private static Dataset<Row> windowed(Dataset<Row> events, LiveMetric metric, Timestamp watermark) {
        String length = metric.window().toSeconds() + " seconds";
        Dataset<Row> withWindow = events.withColumn("w", window(col("event_time"), length));
        Column late = watermark == null ? lit(false) : col("w.end").leq(lit(watermark));
        return withWindow.withColumn("late", late);
    }

    private static Column lateCount() {
        return sum(when(col("late"), 1L).otherwise(0L)).as("late");
    }

    private static Column emptyUsers() {
        return array().cast(DataTypes.createArrayType(DataTypes.StringType));
    }

    private static Dataset<Row> tagged(Dataset<Row> aggregated, LiveMetric metric) {
        return aggregated.select(lit(metric.wireName()).as("metric"), col("w.start").as("window_start"),
                col("w.end").as("window_end"), col("key"), col("amount_cents").cast(DataTypes.LongType),
                col("events").cast(DataTypes.LongType), col("converted").cast(DataTypes.LongType), col("users"),
                col("late").cast(DataTypes.LongType));
    }
}
