package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/** The shared last step of every model: leave out what is excluded, rank, keep the top k. */
final class Ranking {

    private Ranking() {
    }

    /**
     * @param candidates user_id, product_id, score, reason (one row per user and product)
     * @param excluded   user_id, product_id pairs that must not be recommended (already bought)
     */
    static Dataset<Row> topK(Dataset<Row> candidates, Dataset<Row> excluded, int k, ModelKind kind) {
        return ranked(candidates.join(excluded, new String[] {"user_id", "product_id"}, "left_anti"), k, kind);
    }

    /** {@link #topK} of candidates that hold nothing excluded. */
    static Dataset<Row> ranked(Dataset<Row> candidates, int k, ModelKind kind) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        return candidates
                .withColumn("rank", row_number().over(Window.partitionBy("user_id")
                        .orderBy(col("score").desc(), col("product_id"))))
                .filter(col("rank").leq(k))
                .select(col("user_id"), col("rank").cast(DataTypes.IntegerType), col("product_id"),
                        col("score").cast(DataTypes.DoubleType), lit(kind.columnValue()).as("model"),
                        col("reason"));
    }
}
