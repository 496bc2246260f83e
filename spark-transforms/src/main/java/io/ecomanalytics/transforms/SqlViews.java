package io.ecomanalytics.transforms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Registers the dataset as temporary views with the dataset's names, so Spark SQL written against them runs as is
 * ({@code SELECT category_id, SUM(subtotal) FROM transaction_items GROUP BY category_id},
 * {@code SELECT t.transaction_id, i.product_id FROM transactions t LATERAL VIEW explode(items) x AS i}, ...).
 */
public final class SqlViews {

    /** The views {@link #register(SparkSession, CleanTables)} creates. */
    public static final List<String> VIEWS = List.of("users", "products", "categories", "transactions",
            "transaction_items", "sessions", "page_views");
    /** The extra view {@link #register(SparkSession, CleanTables, Dataset)} creates. */
    public static final String CUSTOMER_CLV = "customer_clv";

    private SqlViews() {
    }

    /**
     * Registers (or replaces) users, products, categories, transactions, transaction_items, sessions and page_views.
     *
     * @return the registered views by name, in {@link #VIEWS} order
     */
    public static Map<String, Dataset<Row>> register(SparkSession spark, CleanTables tables) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(tables, "tables");
        Map<String, Dataset<Row>> views = new LinkedHashMap<>();
        views.put("users", tables.users());
        views.put("products", tables.products());
        views.put("categories", tables.categories());
        views.put("transactions", tables.transactions());
        views.put("transaction_items", tables.transactionItems());
        views.put("sessions", tables.sessions());
        views.put("page_views", tables.pageViews());
        views.forEach((name, dataset) -> registerOne(spark, name, dataset));
        return views;
    }

    /** {@link #register(SparkSession, CleanTables)} plus the CLV results as {@code customer_clv}. */
    public static Map<String, Dataset<Row>> register(SparkSession spark, CleanTables tables,
            Dataset<Row> customerClv) {
        Objects.requireNonNull(customerClv, "customerClv");
        Map<String, Dataset<Row>> views = register(spark, tables);
        registerOne(spark, CUSTOMER_CLV, customerClv);
        views.put(CUSTOMER_CLV, customerClv);
        return views;
    }

    private static void registerOne(SparkSession spark, String name, Dataset<Row> dataset) {
        if (dataset.sparkSession() != spark) {
            throw new IllegalArgumentException("The dataset for view '" + name
                    + "' belongs to another SparkSession; build every table with the session the views are registered on");
        }
        dataset.createOrReplaceTempView(name);
    }
}
