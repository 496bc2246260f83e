package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The confidence table of one training period, materialised once for every model, with what each user may not be
 * recommended and the longest such list (every model asks its candidate source for k + that many). Made by
 * {@link Recommender#prepare}; models fitted side by side on one period share it instead of each computing it again.
 */
public record PreparedTraining(TrainingData data, Dataset<Row> confidence, Dataset<Row> excluded, int mostExcluded) {

    static PreparedTraining of(TrainingData data, RecommenderConfig config) {
        Dataset<Row> confidence = ImplicitFeedback.confidence(data.events(), config.weights(), data.trainedUntil())
                .coalesce(config.partitions())
                .localCheckpoint();
        Dataset<Row> excluded;
        if (config.repeats() == RepeatPurchases.EXCLUDE) {
            // Every model's lists leave these out: computed once.
            excluded = confidence.filter(col("purchases").gt(0)).select("user_id", "product_id").localCheckpoint();
        } else {
            excluded = confidence.sparkSession().createDataFrame(java.util.List.of(), new StructType()
                    .add("user_id", "string").add("product_id", "string"));
        }
        Row most = excluded.groupBy("user_id").agg(count(lit(1)).as("products")).agg(max("products")).first();
        int mostExcluded = most.isNullAt(0) ? 0 : Math.toIntExact(most.getLong(0));
        return new PreparedTraining(data, confidence, excluded, mostExcluded);
    }
}
