package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Small histograms for the charts; each output has one row per non-empty bucket. */
public final class Distributions {

    private Distributions() {
    }

    /**
     * How many customers made how many transactions.
     *
     * <p>Output schema, ordered by transactions: transactions long, customers long.
     *
     * @param transactions cleaned transactions
     */
    public static Dataset<Row> transactionsPerCustomer(Dataset<Row> transactions) {
        return transactions.groupBy("user_id").agg(count(lit(1)).as("transactions"))
                .groupBy("transactions").agg(count(lit(1)).as("customers"))
                .orderBy("transactions");
    }

    /**
     * How many users had how many sessions.
     *
     * <p>Output schema, ordered by sessions: sessions long, users long.
     *
     * @param sessions cleaned sessions
     */
    public static Dataset<Row> sessionsPerUser(Dataset<Row> sessions) {
        return sessions.groupBy("user_id").agg(count(lit(1)).as("sessions"))
                .groupBy("sessions").agg(count(lit(1)).as("users"))
                .orderBy("sessions");
    }

    /**
     * Users by their average session duration, in buckets of {@code bucketSeconds}: a user whose sessions last
     * 95 s on average falls in [60, 120) with 60-second buckets.
     *
     * <p>Output schema, ordered by bucket_start_seconds: bucket_start_seconds long, bucket_end_seconds long
     * (exclusive), users long.
     *
     * @param sessions      cleaned sessions
     * @param bucketSeconds the bucket width in seconds; at least 1
     */
    public static Dataset<Row> averageSessionDuration(Dataset<Row> sessions, int bucketSeconds) {
        if (bucketSeconds < 1) {
            throw new IllegalArgumentException("bucketSeconds must be at least 1, was " + bucketSeconds
                    + "; pass the histogram bucket width in seconds");
        }
        return sessions.groupBy("user_id").agg(avg("duration_seconds").as("average"))
                .filter(col("average").isNotNull())
                .select(floor(col("average").divide(bucketSeconds)).multiply(bucketSeconds)
                        .as("bucket_start_seconds"))
                .groupBy("bucket_start_seconds").agg(count(lit(1)).as("users"))
                .select(col("bucket_start_seconds"), col("bucket_start_seconds").plus(bucketSeconds)
                        .as("bucket_end_seconds"), col("users"))
                .orderBy("bucket_start_seconds");
    }
}
