package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * "Bought together": association measures between products that appear in the same transaction.
 *
 * <p>With N transactions that have at least one sold item, n(A) those containing product A and n(A,B) those containing
 * both: support = n(A,B) / N, confidence = n(A,B) / n(A) (how often B is bought when A is), lift = confidence /
 * (n(B) / N) (above 1: bought together more often than chance).
 */
public final class ProductAffinity {

    private ProductAffinity() {
    }

    /**
     * The top pairs for each product, both directions (A to B and B to A are separate rows).
     *
     * <p>Output schema, ordered by product_id then rank: product_id string, other_product_id string,
     * pair_transactions long (n(A,B)), support double, confidence double, lift double, rank int (1 = strongest;
     * ordered by confidence descending, then lift descending, then other_product_id).
     *
     * @param transactionItems {@link TransactionItems#from}
     * @param topPairs         how many partners to keep per product; at least 1
     */
    public static Dataset<Row> topPairs(Dataset<Row> transactionItems, int topPairs) {
        if (topPairs < 1) {
            throw new IllegalArgumentException("topPairs must be at least 1, was " + topPairs
                    + "; pass how many partner products to keep per product");
        }
        Dataset<Row> baskets = transactionItems.groupBy("transaction_id")
                .agg(collect_set(col("product_id")).as("products"));
        Dataset<Row> perProduct = baskets.select(explode(col("products")).as("product_id"))
                .groupBy("product_id").agg(count(lit(1)).as("product_transactions"));
        Dataset<Row> total = baskets.agg(count(lit(1)).as("basket_count"));
        Dataset<Row> pairs = baskets
                .select(explode(col("products")).as("product_id"), col("products"))
                .select(col("product_id"), explode(col("products")).as("other_product_id"))
                .filter(col("product_id").notEqual(col("other_product_id")))
                .groupBy("product_id", "other_product_id").agg(count(lit(1)).as("pair_transactions"));
        Dataset<Row> other = perProduct.select(col("product_id").as("other_product_id"),
                col("product_transactions").as("other_transactions"));
        Column pairCount = col("pair_transactions").cast(DataTypes.DoubleType);
        Column ranking = row_number().over(Window.partitionBy("product_id")
                .orderBy(col("confidence").desc(), col("lift").desc(), col("other_product_id")));
        return pairs
                .join(broadcast(perProduct), "product_id")
                .join(broadcast(other), "other_product_id")
                .crossJoin(broadcast(total))
                .select(col("product_id"), col("other_product_id"), col("pair_transactions"),
                        pairCount.divide(col("basket_count")).as("support"),
                        pairCount.divide(col("product_transactions")).as("confidence"),
                        pairCount.multiply(col("basket_count"))
                                .divide(col("product_transactions").multiply(col("other_transactions")))
                                .as("lift"))
                .withColumn("rank", ranking)
                .filter(col("rank").leq(topPairs))
                .orderBy(col("product_id"), col("rank"));
    }
}
