package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One row per sold transaction item, joined to its product and category: the {@code transaction_items} table. */
public final class TransactionItems {

    private TransactionItems() {
    }

    /**
     * Explodes the items of cleaned transactions and joins them to the (broadcast) product and category dimensions.
     *
     * <p>Output schema: transaction_id string, user_id string, session_id string (null for standalone purchases),
     * timestamp timestamp, product_id string, product_name string, category_id string, category_name string,
     * quantity int, unit_price decimal(18,2), subtotal decimal(18,2).
     *
     * <p>Items with quantity 0 sell nothing and are left out. An item whose product is unknown is kept with null
     * product_name, category_id and category_name, so revenue is never lost to a missing dimension row.
     *
     * @param transactions cleaned transactions ({@link Cleaning#transactions})
     * @param products     cleaned products ({@link Cleaning#products})
     * @param categories   cleaned categories ({@link Cleaning#categories})
     */
    public static Dataset<Row> from(Dataset<Row> transactions, Dataset<Row> products, Dataset<Row> categories) {
        Dataset<Row> items = transactions
                .select(col("transaction_id"), col("user_id"), col("session_id"), col("timestamp"),
                        explode(col("items")).as("item"))
                .select(col("transaction_id"), col("user_id"), col("session_id"), col("timestamp"),
                        col("item.product_id").as("product_id"), col("item.quantity").as("quantity"),
                        col("item.unit_price").as("unit_price"), col("item.subtotal").as("subtotal"))
                .filter(col("quantity").gt(0));
        Dataset<Row> productDimension = products.select(col("product_id"), col("name").as("product_name"),
                col("category_id"));
        Dataset<Row> categoryDimension = categories.select(col("category_id"), col("name").as("category_name"));
        return items
                .join(broadcast(productDimension), new String[] {"product_id"}, "left_outer")
                .join(broadcast(categoryDimension), new String[] {"category_id"}, "left_outer")
                .select(col("transaction_id"), col("user_id"), col("session_id"), col("timestamp"), col("product_id"),
                        col("product_name"), col("category_id"), col("category_name"), col("quantity"),
                        col("unit_price"), col("subtotal"));
    }
}
