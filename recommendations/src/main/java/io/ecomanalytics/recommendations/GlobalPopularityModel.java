package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.time.Duration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** The products most customers bought in the training period, the same list for everyone (minus what they own). */
final class GlobalPopularityModel implements RecommendationModel {
    private final PreparedTraining training;
    private final Dataset<Row> buyers;
    private final Duration fitTime;

    GlobalPopularityModel(PreparedTraining training) {
        long start = System.nanoTime();
        this.training = training;
        this.buyers = buyersPerProduct(training.confidence()).localCheckpoint();
        this.fitTime = Duration.ofNanos(System.nanoTime() - start);
    }

    /** product_id, buyers (distinct customers who bought it), most bought first. */
    static Dataset<Row> buyersPerProduct(Dataset<Row> confidence) {
        return confidence.filter(col("purchases").gt(0))
                .groupBy("product_id").agg(count(lit(1)).as("buyers"));
    }

    @Override
    public ModelKind kind() {
        return ModelKind.GLOBAL_POPULARITY;
    }

    @Override
    public Dataset<Row> recommend(Dataset<Row> users, int k) {
        Dataset<Row> top = buyers.orderBy(col("buyers").desc(), col("product_id"))
                .limit(k + training.mostExcluded());
        Dataset<Row> candidates = users.select("user_id").distinct()
                .crossJoin(broadcast(top))
                .select(col("user_id"), col("product_id"), col("buyers").cast(DataTypes.DoubleType).as("score"),
                        concat(lit("popular: bought by "), col("buyers").cast(DataTypes.StringType),
                                lit(" customers")).as("reason"));
        return Ranking.topK(candidates, training.excluded(), k, kind());
    }

    @Override
    public Duration fitTime() {
        return fitTime;
    }

    @Override
    public String description() {
        return "distinct buyers per product";
    }
}
