package io.ecomanalytics.clv;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The composite scores ({@link CompositeScores}) and the RFM segments ({@link CustomerSegments}) of a customer
 * DataFrame, computed on the cluster with the same formulas: only the population's minima, maxima and size reach
 * the driver.
 *
 * <p>Percentile ranks (tiers and RFM quintiles) need the whole population in order, which Spark does in one
 * partition; a customer table is an aggregate (one row per customer), which that partition holds comfortably.
 */
public final class CustomerValueSpark {
    /** Input of {@link #compositeScores}: one row per customer, nulls not allowed. */
    public static final List<String> ACTIVITY_COLUMNS = List.of("customer_id", "total_spent", "purchase_count",
            "session_count", "average_session_seconds", "conversion_rate");

    private CustomerValueSpark() {
    }

    /**
     * The {@code customer_clv} table: one row per customer with purchases, the BG/NBD + Gamma-Gamma predictions
     * beside the composite scores and the RFM segment, highest CLV first.
     *
     * <p>Columns: customer_id, frequency, recency, T, monetary_value, expected_purchases, probability_alive,
     * expected_average_order_value, clv (from {@link ClvSpark#score}); orders, total_spent (from spark-transforms'
     * customer_spend); sessions, average_session_seconds, conversion_rate (from session_engagement; 0 for customers
     * without sessions); legacy_score, engagement_score, tier; recency_score, frequency_score, monetary_score, segment.
     *
     * @param predictions       {@link ClvSpark#score}'s output
     * @param customerSpend     one row per customer: user_id, orders, total_spent
     * @param sessionEngagement one row per user: user_id, sessions, average_duration_seconds, conversion_rate
     */
    public static Dataset<Row> customerTable(Dataset<Row> predictions, Dataset<Row> customerSpend,
            Dataset<Row> sessionEngagement, EngagementWeights weights) {
        Dataset<Row> spend = customerSpend.select(col("user_id").as("spend_user_id"), col("orders"),
                col("total_spent"));
        Dataset<Row> engagement = sessionEngagement.select(col("user_id").as("engagement_user_id"),
                col("sessions"), col("average_duration_seconds"), col("conversion_rate"));
        Dataset<Row> joined = predictions
                .join(spend, predictions.col("customer_id").equalTo(spend.col("spend_user_id")), "left")
                .join(engagement, predictions.col("customer_id").equalTo(engagement.col("engagement_user_id")), "left")
                .select(predictions.col("*"),
                        coalesce(col("orders"), lit(0L)).as("orders"),
                        coalesce(col("total_spent").cast("double"), lit(0.0)).as("total_spent"),
                        coalesce(col("sessions"), lit(0L)).as("sessions"),
                        coalesce(col("average_duration_seconds"), lit(0.0)).as("average_session_seconds"),
                        coalesce(col("conversion_rate"), lit(0.0)).as("conversion_rate"));
        Dataset<Row> activity = joined
                .withColumn("purchase_count", col("orders"))
                .withColumn("session_count", col("sessions"));
        Dataset<Row> scored = compositeScores(activity, weights).drop("purchase_count", "session_count");
        return segments(scored).orderBy(col("clv").desc(), col("customer_id"));
    }

    /**
     * Adds {@code legacy_score} double (total spent + 0.1 x session count), {@code engagement_score} double (0-100)
     * and {@code tier} string (platinum, gold, silver, bronze) to a DataFrame with the {@link #ACTIVITY_COLUMNS}.
     */
    public static Dataset<Row> compositeScores(Dataset<Row> activity, EngagementWeights weights) {
        Objects.requireNonNull(weights, "weights");
        requireColumns(activity, ACTIVITY_COLUMNS);
        Row range = activity.agg(
                min("total_spent"), max("total_spent"), min("purchase_count"), max("purchase_count"),
                min("session_count"), max("session_count"), min("average_session_seconds"),
                max("average_session_seconds"), min("conversion_rate"), max("conversion_rate"), count(lit(1)))
                .first();
        long size = range.getLong(10);
        if (size == 0) {
            throw new IllegalArgumentException("cannot score an empty customer DataFrame");
        }
        Column monetary = normalised("total_spent", range, 0);
        Column frequency = normalised("purchase_count", range, 2);
        Column engagement = normalised("session_count", range, 4).plus(normalised("average_session_seconds", range, 6))
                .plus(normalised("conversion_rate", range, 8)).divide(3.0);
        double total = weights.monetary() + weights.frequency() + weights.engagement();
        Column score = monetary.multiply(weights.monetary()).plus(frequency.multiply(weights.frequency()))
                .plus(engagement.multiply(weights.engagement())).multiply(100.0).divide(total);
        Dataset<Row> scored = activity
                .withColumn("legacy_score", col("total_spent").cast("double")
                        .plus(col("session_count").cast("double").multiply(0.1)))
                .withColumn("engagement_score", score);
        Column shareBelow = rank().over(Window.orderBy(col("engagement_score"))).minus(1).divide((double) size);
        return scored.withColumn("tier", tierOf(shareBelow));
    }

    /**
     * Adds {@code recency_score}, {@code frequency_score}, {@code monetary_score} (1-5, 5 best) and {@code segment}
     * (lower-case with underscores, e.g. {@code at_risk}) to a per-customer summary DataFrame with the columns
     * {@code frequency}, {@code recency}, {@code T} and {@code monetary_value}.
     */
    public static Dataset<Row> segments(Dataset<Row> summaries) {
        requireColumns(summaries, List.of("frequency", "recency", "T", "monetary_value"));
        long size = summaries.count();
        if (size == 0) {
            throw new IllegalArgumentException("cannot segment an empty customer DataFrame");
        }
        Dataset<Row> scored = summaries
                .withColumn("recency_score", quintile(col("T").minus(col("recency")).multiply(-1.0), size))
                .withColumn("frequency_score", quintile(col("frequency").cast("double"), size))
                .withColumn("monetary_score", quintile(col("monetary_value").cast("double"), size));
        Column segment = null;
        for (int recency = 1; recency <= 5; recency++) {
            for (int frequency = 1; frequency <= 5; frequency++) {
                Column cell = col("recency_score").equalTo(recency).and(col("frequency_score").equalTo(frequency));
                String name = Segment.of(recency, frequency).name().toLowerCase(Locale.ROOT);
                segment = segment == null ? when(cell, name) : segment.when(cell, name);
            }
        }
        return scored.withColumn("segment", segment);
    }

    /** 1 + floor(5 x share of customers strictly below), capped at 5: {@link CustomerSegments}' quintile score. */
    private static Column quintile(Column goodness, long size) {
        Column strictlyBelow = rank().over(Window.orderBy(goodness)).minus(1);
        return least(lit(5), floor(strictlyBelow.multiply(5.0).divide((double) size)).plus(1)).cast("int");
    }

    private static Column tierOf(Column shareBelow) {
        return when(shareBelow.geq(0.9), name(Tier.PLATINUM))
                .when(shareBelow.geq(0.7), name(Tier.GOLD))
                .when(shareBelow.geq(0.4), name(Tier.SILVER))
                .otherwise(name(Tier.BRONZE));
    }

    private static String name(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }

    /** (value - min) / (max - min), or 0 when everybody has the same value ({@link CompositeScores}' rule). */
    private static Column normalised(String column, Row range, int minimumIndex) {
        double low = ((Number) range.get(minimumIndex)).doubleValue();
        double high = ((Number) range.get(minimumIndex + 1)).doubleValue();
        if (high <= low) {
            return lit(0.0);
        }
        return col(column).cast("double").minus(low).divide(high - low);
    }

    private static void requireColumns(Dataset<Row> frame, List<String> required) {
        Objects.requireNonNull(frame, "frame");
        List<String> present = List.of(frame.columns());
        List<String> missing = required.stream().filter(name -> !present.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the customer DataFrame lacks the columns " + missing + " (it has "
                    + present + ")");
        }
    }
}
