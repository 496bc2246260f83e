package io.ecomanalytics.streaming;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The live metrics' contributions of one micro-batch, a pure function of its validated events: per metric, window and
 * key, the batch's revenue in cents, event count, converted sessions, distinct users and late events. Summed over
 * every batch that touched a window ({@link LiveMetricsWriter}), they give the window's metric.
 *
 * <p>An event is late when its window had already closed behind the watermark the batch started with (the largest
 * event time of the earlier batches minus the allowed delay). A late event is counted in {@code late} and still added
 * to its window: late data is counted, never lost, so the windows always add up to what the stores hold.
 *
 * <p>Each event becomes one fact per metric it feeds (a transaction one per category it bought in), and a single
 * aggregation sums the facts: one shuffle per micro-batch, not one per metric.
 */
public final class LiveMetrics {
    /** One event's share of one metric window; {@code events} is the count of these rows. */
    private static final StructType FACTS = new StructType()
            .add("metric", DataTypes.StringType, false)
            .add("window_start", DataTypes.TimestampType, false)
            .add("window_end", DataTypes.TimestampType, false)
            .add("key", DataTypes.StringType, false)
            .add("amount_cents", DataTypes.LongType, false)
            .add("converted", DataTypes.LongType, false)
            .add("user", DataTypes.StringType)
            .add("late", DataTypes.LongType, false);

    private LiveMetrics() {
    }

    /**
     * Output schema: metric string ({@link LiveMetric#wireName()}), window_start timestamp, window_end timestamp,
     * key string (category id for revenue, empty otherwise), amount_cents long (revenue only, else 0), events long,
     * converted long, users array&lt;string&gt; (active users only, else empty), late long.
     *
     * @param validated          {@link LiveEvents#validate} rows
     * @param productCategories  the category id of every product id (a product missing here counts under key "")
     * @param watermark          the watermark the batch started with (null: none yet, nothing is late)
     */
    public static Dataset<Row> contributions(Dataset<Row> validated, Map<String, String> productCategories,
            Timestamp watermark) {
        HashMap<String, String> categories = new HashMap<>(productCategories);
        long watermarkMillis = watermark == null ? Long.MIN_VALUE : watermark.getTime();
        FlatMapFunction<Row, Row> toFacts = event -> facts(event, categories, watermarkMillis).iterator();
        return validated.filter(col("accepted"))
                .select("topic", "user_id", "event_time", "items", "conversion_status")
                .flatMap(toFacts, Encoders.row(FACTS))
                .groupBy("metric", "window_start", "window_end", "key")
                .agg(sum("amount_cents").as("amount_cents"), count(lit(1)).as("events"),
                        sum("converted").as("converted"), collect_set("user").as("users"), sum("late").as("late"))
                .select(col("metric"), col("window_start"), col("window_end"), col("key"),
                        col("amount_cents").cast(DataTypes.LongType), col("events").cast(DataTypes.LongType),
                        col("converted").cast(DataTypes.LongType), col("users"), col("late").cast(DataTypes.LongType));
    }

    private static List<Row> facts(Row event, Map<String, String> categories, long watermarkMillis) {
        String topic = event.getString(0);
        String user = event.getString(1);
        long time = event.getTimestamp(2).getTime();
        List<Row> facts = new ArrayList<>(4);
        facts.add(fact(LiveMetric.ACTIVE_USERS, time, "", 0, 0, user, watermarkMillis));
        if (EventTopics.TRANSACTIONS.equals(topic)) {
            facts.add(fact(LiveMetric.ORDERS, time, "", 0, 0, null, watermarkMillis));
            // Revenue per category the transaction bought in: one fact (one event) per category, its items summed.
            Map<String, Long> centsByCategory = new LinkedHashMap<>();
            for (Iterator<Row> items = event.<Row>getList(3).iterator(); items.hasNext(); ) {
                Row item = items.next();
                BigDecimal subtotal = item.getDecimal(1);
                String category = categories.get(item.getString(0));
                centsByCategory.merge(category == null ? "" : category, subtotal.movePointRight(2).longValue(),
                        Long::sum);
            }
            centsByCategory.forEach((category, cents) -> facts.add(
                    fact(LiveMetric.REVENUE_BY_CATEGORY, time, category, cents, 0, null, watermarkMillis)));
        } else {
            long converted = "converted".equals(event.getString(4)) ? 1 : 0;
            facts.add(fact(LiveMetric.CONVERSION_RATE, time, "", 0, converted, null, watermarkMillis));
        }
        return facts;
    }

    /** The fact of an event at {@code time} in its tumbling window of the metric (windows start at the epoch). */
    private static Row fact(LiveMetric metric, long time, String key, long cents, long converted, String user,
            long watermarkMillis) {
        long length = metric.window().toMillis();
        long start = time - Math.floorMod(time, length);
        long late = start + length <= watermarkMillis ? 1 : 0;
        return RowFactory.create(metric.wireName(), new Timestamp(start), new Timestamp(start + length), key, cents,
                converted, user, late);
    }
}
