package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** Customer spend and purchase frequency, from transactions (what was paid, after discounts). */
public final class CustomerSpend {

    private CustomerSpend() {
    }

    /**
     * Spend and frequency per customer; users without a transaction are absent.
     *
     * <p>Output schema, ordered by total_spent descending then user_id: user_id string, orders long, total_spent
     * decimal(28,2) (sum of transaction totals), average_order_value decimal(28,2) (rounded half-up to the cent),
     * first_purchase timestamp, last_purchase timestamp, purchase_days long (distinct UTC days with a purchase).
     *
     * @param transactions cleaned transactions
     */
    public static Dataset<Row> perCustomer(Dataset<Row> transactions) {
        return transactions.groupBy("user_id").agg(
                        count(lit(1)).as("orders"),
                        sum("total").as("total_spent"),
                        min("timestamp").as("first_purchase"),
                        max("timestamp").as("last_purchase"),
                        count_distinct(Columns.utcDay(col("timestamp"))).as("purchase_days"))
                .select(col("user_id"), col("orders"), col("total_spent"),
                        round(col("total_spent").divide(col("orders")), 2)
                                .cast(DataTypes.createDecimalType(28, 2)).as("average_order_value"),
                        col("first_purchase"), col("last_purchase"), col("purchase_days"))
                .orderBy(col("total_spent").desc(), col("user_id"));
    }
}
