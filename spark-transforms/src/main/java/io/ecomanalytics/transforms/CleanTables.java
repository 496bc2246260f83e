package io.ecomanalytics.transforms;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The cleaned entities of one dataset ({@link Cleaned#kept()} of each {@link Cleaning} method).
 *
 * @param users        cleaned users
 * @param products     cleaned products
 * @param categories   cleaned categories
 * @param transactions cleaned transactions
 * @param sessions     cleaned sessions
 */
public record CleanTables(Dataset<Row> users, Dataset<Row> products, Dataset<Row> categories,
        Dataset<Row> transactions, Dataset<Row> sessions) {

    public CleanTables {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(products, "products");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(sessions, "sessions");
    }

    /** The {@code transaction_items} table: {@link TransactionItems#from} of these tables. */
    public Dataset<Row> transactionItems() {
        return TransactionItems.from(transactions, products, categories);
    }

    /** The {@code page_views} table: {@link PageViews#from} of the sessions. */
    public Dataset<Row> pageViews() {
        return PageViews.from(sessions);
    }
}
