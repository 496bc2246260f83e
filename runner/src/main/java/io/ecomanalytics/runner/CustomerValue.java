package io.ecomanalytics.runner;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.ecomanalytics.clv.CustomerValueSpark;
import io.ecomanalytics.clv.EngagementWeights;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code customer_clv} table: one row per customer with purchases, the BG/NBD + Gamma-Gamma predictions beside
 * the composite scores and the RFM segment.
 *
 * <p>Columns: customer_id, frequency, recency, T, monetary_value, expected_purchases, probability_alive,
 * expected_average_order_value, clv (from {@code ClvSpark.score}); orders, total_spent (from customer_spend);
 * sessions, average_session_seconds, conversion_rate (from session_engagement; 0 for customers without sessions);
 * legacy_score, engagement_score, tier; recency_score, frequency_score, monetary_score, segment.
 */
final class CustomerValue {
    private CustomerValue() {
    }

    static Dataset<Row> table(Dataset<Row> predictions, Dataset<Row> customerSpend, Dataset<Row> sessionEngagement,
            EngagementWeights weights) {
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
        Dataset<Row> scored = CustomerValueSpark.compositeScores(activity, weights)
                .drop("purchase_count", "session_count");
        return CustomerValueSpark.segments(scored).orderBy(col("clv").desc(), col("customer_id"));
    }
}
