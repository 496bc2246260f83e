package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Duration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

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
        Dataset<Row> asked = users.select("user_id").distinct().localCheckpoint();
        Dataset<Row> contributions = training.confidence()
                .join(CustomerIds.forJoin(asked), "user_id")
                .join(broadcast(pairs), "product_id")
                .select(col("user_id"), col("other_product_id").as("candidate"),
                        col("confidence").multiply(col("pair_confidence")).as("contribution"),
                        col("product_id"), col("purchases").gt(0).as("bought"));
        // Scores first, with numbers only in the aggregation (a hash aggregation); the reason, which needs the
        // strongest contributing product, only for the k products each customer is shown.
        Dataset<Row> scored = contributions.groupBy("user_id", "candidate").agg(sum("contribution").as("score"))
                .select(col("user_id"), col("candidate").as("product_id"), col("score"),
                        lit(null).cast(DataTypes.StringType).as("reason"));
        Dataset<Row> top = Ranking.topK(scored, training.excluded(), k, kind()).drop("reason").localCheckpoint();
        Dataset<Row> names = training.data().catalogue().select(col("product_id").as("strongest_product_id"),
                col("product_name"));
        Dataset<Row> reasons = contributions
                .join(CustomerIds.forJoin(top.select(col("user_id"), col("product_id").as("candidate"))),
                        new String[] {"user_id", "candidate"}, "left_semi")
                .withColumn("strength", row_number().over(Window.partitionBy("user_id", "candidate")
                        .orderBy(col("contribution").desc(), col("product_id").desc(), col("bought").desc())))
                .filter(col("strength").equalTo(1))
                .join(broadcast(names), col("product_id").equalTo(col("strongest_product_id")), "left_outer")
                .select(col("user_id").as("reason_user_id"), col("candidate"),
                        concat(when(col("bought"), lit("bought ")).otherwise(lit("viewed ")),
                                coalesce(col("product_name"), col("product_id"))).as("reason"));
        return top.join(reasons, top.col("user_id").equalTo(reasons.col("reason_user_id"))
                        .and(top.col("product_id").equalTo(reasons.col("candidate"))))
                .select(top.col("user_id"), col("rank"), top.col("product_id"), col("score"), col("model"),
                        col("reason"));
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
