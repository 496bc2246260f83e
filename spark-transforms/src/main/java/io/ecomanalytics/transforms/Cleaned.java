package io.ecomanalytics.transforms;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outcome of cleaning one entity: the typed, normalised rows and the rows kept apart.
 *
 * <p>{@code kept.count() + rejected.count()} always equals the input count: nothing is dropped silently.
 *
 * @param kept     valid rows in the cleaned schema documented on the {@link Cleaning} method that produced them
 * @param rejected the input rows as they arrived (input schema) plus a {@code reject_reason} string column
 */
public record Cleaned(Dataset<Row> kept, Dataset<Row> rejected) {

    /** The name of the column that says why a row was rejected. */
    public static final String REJECT_REASON = "reject_reason";

    public Cleaned {
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(rejected, "rejected");
    }
}
