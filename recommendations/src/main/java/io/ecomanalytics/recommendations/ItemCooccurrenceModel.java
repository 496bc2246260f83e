package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Duration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * "Bought together" with what the customer bought or viewed: a candidate's score is the sum, over the customer's
 * products, of the customer's confidence in the product times the pair's confidence (n(A,B) / n(A)) in the
 * {@code product_affinity} pairs. The pairs are the analytic's, bounded per product, never recomputed here. The
 * reason names the product that contributed most.
 */
final class ItemCooccurrenceModel implements RecommendationModel {
    private final PreparedTraining training;
    private final Dataset<Row> pairs;
    private final Duration fitTime;

    ItemCooccurrenceModel(PreparedTraining training) {
        long start = System.nanoTime();
        this.training = training;
        this.pairs = training.data().affinityPairs()
                .select(col("product_id"), col("other_product_id"), col("confidence").as("pair_confidence"))
                .localCheckpoint();
        this.fitTime = Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.ITEM_COOCCURRENCE;
    }

    @Override
    public Dataset<Row> recommend(Dataset<Row> users, int k) {
        Dataset<Row> names = training.data().catalogue().select("product_id", "product_name");
        Dataset<Row> contributions = users.select("user_id").distinct()
                .join(training.confidence(), "user_id")
                .join(pairs, "product_id")
                .select(col("user_id"), col("other_product_id").as("candidate"),
                        col("confidence").multiply(col("pair_confidence")).as("contribution"),
                        col("product_id"), col("purchases").gt(0).as("bought"));
        Dataset<Row> scored = contributions.groupBy("user_id", "candidate")
                .agg(sum("contribution").as("score"),
                        max(struct(col("contribution"), col("product_id"), col("bought"))).as("strongest"))
                .join(broadcast(names), col("strongest.product_id").equalTo(col("product_id")), "left_outer")
                .select(col("user_id"), col("candidate").as("product_id"), col("score"),
                        concat(when(col("strongest.bought"), lit("bought ")).otherwise(lit("viewed ")),
                                coalesce(col("product_name"), col("strongest.product_id"))).as("reason"));
        return Ranking.topK(scored, training.excluded(), k, kind());
    }

    @Override
    public Duration fitTime() {
        return fitTime;
    }

    @Override
    public String description() {
        return "product_affinity pairs weighted by the customer's confidence";
    }
}
