package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outcome of cleaning one entity: every input row with its verdict. The kept rows (typed, normalised) and the
 * rejected rows (as they arrived, with the reason) are both projections of it, so materialising {@code decided}
 * once, e.g. {@code new Cleaned(cleaned.decided().localCheckpoint())}, runs the cleaning once for both.
 *
 * <p>{@code kept().count() + rejected().count()} always equals the input count: nothing is dropped silently.
 *
 * @param decided one row per input row: the input columns (null on kept rows), the cleaned row as the struct
 *                {@value #CLEANED} (null on rejected rows), {@value #REJECT_RULE} and {@value #REJECT_REASON} (null on
 *                kept rows)
 */
public record Cleaned(Dataset<Row> decided) {

    /** The name of the column that names the rule a rejected row broke first (the data module's {@code Rule}
     * wire names: {@code required}, {@code type}, {@code enumeration}, {@code range}, ...). */
    public static final String REJECT_RULE = "reject_rule";

    /** The name of the column that says why a row was rejected. */
    public static final String REJECT_REASON = "reject_reason";

    /** The name of the struct column that holds the cleaned row. */
    public static final String CLEANED = "__cleaned";

    public Cleaned {
        Objects.requireNonNull(decided, "decided");
        for (String required : new String[] {CLEANED, REJECT_RULE, REJECT_REASON}) {
            if (!Arrays.asList(decided.columns()).contains(required)) {
                throw new IllegalArgumentException("A cleaning's decided rows need the column " + required
                        + ", but they have " + Arrays.toString(decided.columns()) + ". Build them with a "
                        + "Cleaning method, or materialise the decided rows of one without changing their columns.");
            }
        }
    }

    /** Valid rows in the cleaned schema documented on the {@link Cleaning} method that produced them. */
    public Dataset<Row> kept() {
        return decided.filter(col(REJECT_REASON).isNull()).select(col(CLEANED + ".*"));
    }

    /** The input rows as they arrived (input schema) plus the {@value #REJECT_RULE} and {@value #REJECT_REASON}
     * string columns. */
    public Dataset<Row> rejected() {
        return decided.filter(col(REJECT_REASON).isNotNull()).drop(CLEANED);
    }
}
