package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_diff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** The per-customer recency-frequency-monetary summary that BG/NBD and Gamma-Gamma models take as input. */
public final class CustomerSummary {

    private CustomerSummary() {
    }

    /**
     * The summary of each customer with at least one transaction at or before {@code observationEnd}, following the
     * usual convention of the BG/NBD literature (the {@code lifetimes} package's summary_data_from_transaction_data):
     * purchases are grouped by UTC day, and the first purchase day is the start of the customer's observed life.
     *
     * <p>Output schema, ordered by customer_id:
     * <ul>
     *   <li>customer_id string (the user_id);</li>
     *   <li>frequency long: repeat purchase days (distinct purchase days minus one);</li>
     *   <li>recency double: first to last purchase day, in periods;</li>
     *   <li>T double: first purchase day to the observation end's day, in periods;</li>
     *   <li>monetary_value double: the average daily spend (transaction totals) over the repeat purchase days,
     *       rounded half-up to the cent; 0 when frequency is 0.</li>
     * </ul>
     *
     * @param transactions   cleaned transactions
     * @param observationEnd the end of the observation window (inclusive); later transactions are ignored
     * @param period         the unit of recency and T
     */
    public static Dataset<Row> forClv(Dataset<Row> transactions, Instant observationEnd, SummaryPeriod period) {
        Objects.requireNonNull(observationEnd, "observationEnd");
        Objects.requireNonNull(period, "period");
        Column endDay = lit(java.sql.Date.valueOf(observationEnd.atOffset(ZoneOffset.UTC).toLocalDate()));
        Dataset<Row> daily = transactions
                .filter(col("timestamp").leq(lit(Timestamp.from(observationEnd))))
                .groupBy(col("user_id"), Columns.utcDay(col("timestamp")).as("day"))
                .agg(sum("total").as("day_total"));
        Column repeatSpend = col("total_spent").minus(col("first_day_total"));
        Column frequency = col("purchase_days").minus(1);
        return daily.groupBy("user_id").agg(
                        count(lit(1)).as("purchase_days"),
                        min("day").as("first_day"),
                        max("day").as("last_day"),
                        sum("day_total").as("total_spent"),
                        min_by(col("day_total"), col("day")).as("first_day_total"))
                .select(col("user_id").as("customer_id"),
                        frequency.as("frequency"),
                        inPeriods(date_diff(col("last_day"), col("first_day")), period).as("recency"),
                        inPeriods(date_diff(endDay, col("first_day")), period).as("T"),
                        when(frequency.equalTo(0), lit(0.0))
                                .otherwise(round(repeatSpend.divide(frequency), 2).cast(DataTypes.DoubleType))
                                .as("monetary_value"))
                .orderBy("customer_id");
    }

    /**
     * What each customer bought in a holdout period after a calibration end: the purchases with
     * {@code calibrationEnd < timestamp <= observationEnd}, grouped by UTC day as in {@link #forClv}, so that a
     * holdout purchase counts like a calibration one.
     *
     * <p>Output schema, ordered by customer_id: customer_id string; holdout_frequency long (distinct purchase days
     * in the holdout); holdout_spend double (their total, rounded half-up to the cent). Customers without a holdout
     * purchase have no row.
     *
     * @param transactions   cleaned transactions
     * @param calibrationEnd the end of the calibration period (exclusive for the holdout)
     * @param observationEnd the end of the holdout period (inclusive)
     */
    public static Dataset<Row> forHoldout(Dataset<Row> transactions, Instant calibrationEnd, Instant observationEnd) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(observationEnd, "observationEnd");
        return transactions
                .filter(col("timestamp").gt(lit(Timestamp.from(calibrationEnd)))
                        .and(col("timestamp").leq(lit(Timestamp.from(observationEnd)))))
                .groupBy(col("user_id"))
                .agg(countDistinct(Columns.utcDay(col("timestamp"))).as("holdout_frequency"),
                        round(sum("total"), 2).cast(DataTypes.DoubleType).as("holdout_spend"))
                .select(col("user_id").as("customer_id"), col("holdout_frequency"), col("holdout_spend"))
                .orderBy("customer_id");
    }

    private static Column inPeriods(Column days, SummaryPeriod period) {
        return days.cast(DataTypes.DoubleType).divide(period.days());
    }
}
