package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.time.Duration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The most bought products of each customer's top categories. A customer's categories are ranked by the confidence
 * of everything they did in them (views and carts count, so a customer who only browsed gets a list too); the top
 * {@link RecommenderConfig#categoriesPerUser()} are kept, each with its share of the customer's confidence in them.
 * A product's score is that share times the product's share of its category's buyers.
 */
final class CategoryPopularityModel implements RecommendationModel {
    private final PreparedTraining training;
    private final Dataset<Row> userCategories;
    private final Dataset<Row> productShares;
    private final Duration fitTime;

    CategoryPopularityModel(PreparedTraining training, RecommenderConfig config) {
        long start = System.nanoTime();
        this.training = training;
        Dataset<Row> categories = training.data().catalogue().select("product_id", "category_id", "category_name");
        Dataset<Row> affinity = training.confidence().join(broadcast(categories), "product_id")
                .groupBy("user_id", "category_id").agg(sum("confidence").as("affinity"));
        Dataset<Row> top = affinity
                .withColumn("category_rank", row_number().over(Window.partitionBy("user_id")
                        .orderBy(col("affinity").desc(), col("category_id"))))
                .filter(col("category_rank").leq(config.categoriesPerUser()));
        this.userCategories = top
                .withColumn("category_share", col("affinity").divide(sum("affinity").over(
                        Window.partitionBy("user_id"))))
                .select("user_id", "category_id", "category_share")
                .localCheckpoint();
        this.productShares = GlobalPopularityModel.buyersPerProduct(training.confidence())
                .join(broadcast(categories), "product_id")
                .withColumn("product_share", col("buyers").divide(sum("buyers").over(
                        Window.partitionBy("category_id"))))
                .withColumn("rank_in_category", row_number().over(Window.partitionBy("category_id")
                        .orderBy(col("buyers").desc(), col("product_id"))))
                .select(col("product_id"), col("category_id"), coalesce(col("category_name"), col("category_id"))
                        .as("category_name"), col("product_share"), col("rank_in_category"))
                .localCheckpoint();
        this.fitTime = Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.CATEGORY_POPULARITY;
    }

    @Override
    public Dataset<Row> recommend(Dataset<Row> users, int k) {
        Dataset<Row> candidates = productShares.filter(col("rank_in_category").leq(k + training.mostExcluded()));
        Dataset<Row> scored = users.select("user_id").distinct()
                .join(userCategories, "user_id")
                .join(broadcast(candidates), "category_id")
                .select(col("user_id"), col("product_id"),
                        col("category_share").multiply(col("product_share")).as("score"),
                        concat(lit("popular in "), col("category_name")).as("reason"));
        return Ranking.topK(scored, training.excluded(), k, kind());
    }

    @Override
    public Duration fitTime() {
        return fitTime;
    }

    @Override
    public String description() {
        return "top categories per customer by confidence; products by share of the category's buyers";
    }
}
