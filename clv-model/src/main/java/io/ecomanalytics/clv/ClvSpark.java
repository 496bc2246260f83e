package io.ecomanalytics.clv;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The thin Spark adapter: fits from aggregated per-customer summaries and scores every customer of a DataFrame on
 * the executors.
 *
 * <p>Input: a DataFrame of per-customer summaries with the columns {@code customer_id} (any type, read as string),
 * {@code frequency} (integer), {@code recency}, {@code T} and {@code monetary_value} (numbers), in one
 * {@link ClvTimeUnit} and one {@link PurchaseGrouping}; other columns are ignored. Nulls are errors.
 *
 * <p>Output of {@link #score}: one row per input row with the schema of {@link #predictionSchema()}:
 * <pre>
 * customer_id                  string  not null
 * frequency                    int     not null
 * recency                      double  not null
 * T                            double  not null
 * monetary_value               double  not null
 * expected_purchases           double  not null   BG/NBD conditional expected purchases over the horizon
 * probability_alive            double  not null   BG/NBD P(alive)
 * expected_average_order_value double  not null   Gamma-Gamma conditional expected order value
 * clv                          double  not null   discounted CLV over the horizon ({@link ClvScorer})
 * </pre>
 */
public final class ClvSpark {

    private static final List<String> INPUT_COLUMNS =
            List.of("customer_id", "frequency", "recency", "T", "monetary_value");

    private static final StructType PREDICTION_SCHEMA = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("frequency", DataTypes.IntegerType, false)
            .add("recency", DataTypes.DoubleType, false)
            .add("T", DataTypes.DoubleType, false)
            .add("monetary_value", DataTypes.DoubleType, false)
            .add("expected_purchases", DataTypes.DoubleType, false)
            .add("probability_alive", DataTypes.DoubleType, false)
            .add("expected_average_order_value", DataTypes.DoubleType, false)
            .add("clv", DataTypes.DoubleType, false);

    /**
     * The groups in a fixed order before a fit: the likelihood is a floating-point sum, so the order Spark returns them
     * in (its partitioning, its hash maps) would otherwise move the fitted parameters in their last digits.
     */
    private static final Comparator<CustomerHistoryCount> HISTORY_ORDER = Comparator
            .comparingInt(CustomerHistoryCount::frequency).thenComparingDouble(CustomerHistoryCount::recency)
            .thenComparingDouble(CustomerHistoryCount::age);
    private static final Comparator<SpendHistoryCount> SPEND_ORDER = Comparator
            .comparingInt(SpendHistoryCount::frequency).thenComparingDouble(SpendHistoryCount::monetaryValue);

    private ClvSpark() {
    }

    /** The schema of {@link #score}'s output (see the class documentation). */
    public static StructType predictionSchema() {
        return PREDICTION_SCHEMA;
    }

    /**
     * Scores every customer in parallel: the scorer (fitted parameters and horizon) is broadcast once and each
     * partition is mapped on its executor; nothing is collected to the driver. Lazy, like any transformation.
     */
    public static Dataset<Row> score(Dataset<Row> customers, ClvScorer scorer) {
        Objects.requireNonNull(scorer, "scorer");
        Dataset<Row> typed = typedSummaries(customers);
        Broadcast<ClvScorer> shared = JavaSparkContext.fromSparkContext(customers.sparkSession().sparkContext())
                .broadcast(scorer);
        return typed.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new Iterator<>() {
            private final ClvScorer partitionScorer = shared.value();

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                CustomerPrediction p = partitionScorer.score(summary(rows.next()));
                return RowFactory.create(p.customerId(), p.frequency(), p.recency(), p.age(), p.monetaryValue(),
                        p.expectedPurchases(), p.probabilityAlive(), p.expectedAverageOrderValue(),
                        p.customerLifetimeValue());
            }
        }, Encoders.row(PREDICTION_SCHEMA));
    }

    /**
     * Fits BG/NBD to the customers of a summary DataFrame. The DataFrame is first aggregated on the cluster to one
     * row per distinct (frequency, recency, T) with its customer count, and only those groups reach the driver.
     */
    public static BgNbdFit fitBgNbd(Dataset<Row> customers) {
        List<CustomerHistoryCount> histories = typedSummaries(customers)
                .groupBy("frequency", "recency", "T").count()
                .collectAsList().stream()
                .map(row -> new CustomerHistoryCount(row.getInt(requireNoNulls(row, 0)), row.getDouble(1),
                        row.getDouble(2), row.getLong(3)))
                .sorted(HISTORY_ORDER)
                .toList();
        return BgNbdFitter.fitGrouped(histories);
    }

    /**
     * Fits Gamma-Gamma to the repeat customers (frequency > 0, positive monetary value) of a summary DataFrame,
     * aggregated on the cluster to one row per distinct (frequency, monetary_value) first.
     */
    public static GammaGammaFit fitGammaGamma(Dataset<Row> customers) {
        List<SpendHistoryCount> histories = typedSummaries(customers)
                .where(col("frequency").gt(0).and(col("monetary_value").gt(0)))
                .groupBy("frequency", "monetary_value").count()
                .collectAsList().stream()
                .map(row -> new SpendHistoryCount(row.getInt(requireNoNulls(row, 0)), row.getDouble(1),
                        row.getLong(2)))
                .sorted(SPEND_ORDER)
                .toList();
        return GammaGammaFitter.fitGrouped(histories);
    }

    /**
     * The calibration cohort with what each customer did in the holdout, on the driver (one entry per customer,
     * for {@link HoldoutValidation#of}).
     *
     * @param calibration     per-customer summaries of the calibration period (the {@link #score} input columns)
     * @param holdout         per-customer {@code customer_id}, {@code holdout_frequency} (purchases, counted with
     *                        the calibration summaries' purchase grouping) and {@code holdout_spend}; customers
     *                        without a row made no holdout purchase
     * @param holdoutDuration the holdout length in the calibration summaries' unit
     */
    public static List<CalibrationHoldoutSummary> calibrationHoldoutSummaries(Dataset<Row> calibration,
            Dataset<Row> holdout, double holdoutDuration) {
        Objects.requireNonNull(holdout, "holdout");
        Dataset<Row> outcomes = holdout.select(col("customer_id").cast(DataTypes.StringType).as("holdout_customer"),
                col("holdout_frequency").cast(DataTypes.IntegerType).as("holdout_frequency"),
                col("holdout_spend").cast(DataTypes.DoubleType).as("holdout_spend"));
        Dataset<Row> typed = typedSummaries(calibration);
        return typed.join(outcomes, typed.col("customer_id").equalTo(outcomes.col("holdout_customer")), "left")
                .orderBy("customer_id")
                .collectAsList().stream()
                .map(row -> {
                    int purchases = row.isNullAt(6) ? 0 : row.getInt(6);
                    double spend = row.isNullAt(7) ? 0.0 : row.getDouble(7);
                    return new CalibrationHoldoutSummary(summary(row), purchases, holdoutDuration,
                            purchases == 0 ? 0.0 : spend / purchases);
                })
                .toList();
    }

    private static Dataset<Row> typedSummaries(Dataset<Row> customers) {
        Objects.requireNonNull(customers, "customers");
        Set<String> present = new TreeSet<>(Arrays.asList(customers.columns()));
        List<String> missing = INPUT_COLUMNS.stream().filter(column -> !present.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the customer DataFrame lacks the columns " + missing + " (it has "
                    + present + "); CLV scoring needs " + INPUT_COLUMNS + " per customer");
        }
        return customers.select(
                col("customer_id").cast(DataTypes.StringType).as("customer_id"),
                col("frequency").cast(DataTypes.IntegerType).as("frequency"),
                col("recency").cast(DataTypes.DoubleType).as("recency"),
                col("T").cast(DataTypes.DoubleType).as("T"),
                col("monetary_value").cast(DataTypes.DoubleType).as("monetary_value"));
    }

    /** Returns {@code index} after checking the aggregated row has no nulls. */
    private static int requireNoNulls(Row row, int index) {
        if (row.anyNull()) {
            throw new IllegalArgumentException("the customer DataFrame has " + row.getLong(row.length() - 1)
                    + " rows with a null among " + Arrays.toString(row.schema().fieldNames()) + " (" + row
                    + "); fill the summary (frequency 0, recency 0, monetary_value 0 for customers without repeat"
                    + " purchases) before fitting");
        }
        return index;
    }

    private static CustomerSummary summary(Row row) {
        for (int i = 0; i < INPUT_COLUMNS.size(); i++) {
            if (row.isNullAt(i)) {
                throw new IllegalArgumentException("customer " + row.get(0) + " has a null "
                        + INPUT_COLUMNS.get(i) + "; fill the summary (frequency 0, recency 0, monetary_value 0 for"
                        + " customers without repeat purchases) before scoring");
            }
        }
        return new CustomerSummary(row.getString(0), row.getInt(1), row.getDouble(2), row.getDouble(3),
                row.getDouble(4));
    }
}
