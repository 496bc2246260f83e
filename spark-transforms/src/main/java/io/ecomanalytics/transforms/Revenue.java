package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Revenue by category, overall and per day. Revenue is the sum of item subtotals (before transaction discounts), in
 * exact cents.
 */
public final class Revenue {

    private Revenue() {
    }

    /**
     * Revenue per category.
     *
     * <p>Output schema, ordered by revenue descending then category_id: category_id string (null for items of unknown
     * products), category_name string, revenue decimal(28,2), quantity long (units sold), orders long (distinct
     * transactions with an item of the category), share double (revenue / revenue of all categories).
     *
     * @param transactionItems {@link TransactionItems#from}
     */
    public static Dataset<Row> byCategory(Dataset<Row> transactionItems) {
        Dataset<Row> perCategory = aggregate(transactionItems, col("category_id"), col("category_name"));
        Dataset<Row> total = perCategory.agg(sum("revenue").as("__total"));
        return perCategory.crossJoin(broadcast(total))
                .withColumn("share", share(col("revenue"), col("__total")))
                .drop("__total")
                .orderBy(col("revenue").desc(), col("category_id").asc_nulls_last());
    }

    /**
     * Revenue per category and UTC day.
     *
     * <p>Output schema, ordered by day then revenue descending then category_id: day date (UTC), category_id string,
     * category_name string, revenue decimal(28,2), quantity long, orders long, share double (revenue / revenue of
     * all categories that day).
     *
     * @param transactionItems {@link TransactionItems#from}
     */
    public static Dataset<Row> byCategoryAndDay(Dataset<Row> transactionItems) {
        Dataset<Row> perCategoryAndDay = aggregate(
                transactionItems.withColumn("day", Columns.utcDay(col("timestamp"))),
                col("day"), col("category_id"), col("category_name"));
        Dataset<Row> perDay = perCategoryAndDay.groupBy(col("day").as("__day"))
                .agg(sum("revenue").as("__total"));
        return perCategoryAndDay
                .join(perDay, perCategoryAndDay.col("day").equalTo(perDay.col("__day")))
                .withColumn("share", share(col("revenue"), col("__total")))
                .drop("__day", "__total")
                .orderBy(col("day"), col("revenue").desc(), col("category_id").asc_nulls_last());
    }

    private static Dataset<Row> aggregate(Dataset<Row> items, Column... keys) {
        return items.groupBy(keys).agg(
                sum("subtotal").as("revenue"),
                sum("quantity").cast(DataTypes.LongType).as("quantity"),
                count_distinct(col("transaction_id")).as("orders"));
    }

    /** part / whole as a double; null when whole is 0. */
    static Column share(Column part, Column whole) {
        return try_divide(part.cast(DataTypes.DoubleType), whole.cast(DataTypes.DoubleType));
    }
}
