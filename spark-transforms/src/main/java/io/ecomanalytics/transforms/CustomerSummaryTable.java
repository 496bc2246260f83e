package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.ecomanalytics.clv.PurchaseGrouping;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** The per-customer recency-frequency-monetary summary that BG/NBD and Gamma-Gamma models take as input. */
public final class CustomerSummaryTable {

    private static final double MICROSECONDS_PER_DAY = 86_400_000_000.0;

    private CustomerSummaryTable() {
    }

    /**
     * The summary of each customer with at least one transaction at or before {@code observationEnd}. The
     * transactions first become purchase events as {@code grouping} says: each transaction at its time
     * ({@link PurchaseGrouping#EXACT_TIME}), or a customer's transactions of one UTC day merged into one event on that
     * day worth their sum ({@link PurchaseGrouping#CALENDAR_DAY}, the {@code lifetimes} package's
     * summary_data_from_transaction_data). The first event is the start of the customer's observed life.
     *
     * <p>Output schema, ordered by customer_id:
     * <ul>
     *   <li>customer_id string (the user_id);</li>
     *   <li>frequency long: repeat purchases (events minus one);</li>
     *   <li>recency double: first to last event, in periods (fractional with exact times);</li>
     *   <li>T double: first event to the observation end (with calendar days: to its day), in periods;</li>
     *   <li>monetary_value double: the mean value (transaction totals) of the events after the first, rounded
     *       half-up to the cent; 0 when frequency is 0.</li>
     * </ul>
     *
     * @param transactions   cleaned transactions
     * @param observationEnd the end of the observation window (inclusive); later transactions are ignored
     * @param period         the unit of recency and T
     * @param grouping       what counts as one purchase
     */
    public static Dataset<Row> forClv(Dataset<Row> transactions, Instant observationEnd, SummaryPeriod period,
            PurchaseGrouping grouping) {
        Objects.requireNonNull(observationEnd, "observationEnd");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(grouping, "grouping");
        Dataset<Row> observed = transactions.filter(col("timestamp").leq(lit(Timestamp.from(observationEnd))));
        // Each event's time as a whole number of ticks (microseconds or days), so that differences are exact.
        boolean exact = grouping == PurchaseGrouping.EXACT_TIME;
        Dataset<Row> events = exact
                ? observed.select(col("user_id"), unix_micros(col("timestamp")).as("tick"), col("total").as("amount"))
                : observed.groupBy(col("user_id"), unix_date(Columns.utcDay(col("timestamp"))).as("tick"))
                        .agg(sum("total").as("amount"));
        Column end = lit(exact ? ChronoUnit.MICROS.between(Instant.EPOCH, observationEnd)
                : observationEnd.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay());
        double ticksPerDay = exact ? MICROSECONDS_PER_DAY : 1;
        Column repeatSpend = col("total_spent").minus(col("first_amount"));
        Column frequency = col("purchases").minus(1);
        // Among events at the same first time, the smaller amount counts as the first, as in RfmSummaries.
        return events.groupBy("user_id").agg(
                        count(lit(1)).as("purchases"),
                        min("tick").as("first_tick"),
                        max("tick").as("last_tick"),
                        sum("amount").as("total_spent"),
                        min_by(col("amount"), struct(col("tick"), col("amount"))).as("first_amount"))
                .select(col("user_id").as("customer_id"),
                        frequency.as("frequency"),
                        inPeriods(col("last_tick").minus(col("first_tick")), ticksPerDay, period).as("recency"),
                        inPeriods(end.minus(col("first_tick")), ticksPerDay, period).as("T"),
                        when(frequency.equalTo(0), lit(0.0))
                                .otherwise(round(repeatSpend.divide(frequency), 2).cast(DataTypes.DoubleType))
                                .as("monetary_value"))
                .orderBy("customer_id");
    }

    /**
     * What each customer bought in a holdout period after a calibration end: the purchases with
     * {@code calibrationEnd < timestamp <= observationEnd}, counted with the same grouping as the calibration's
     * {@link #forClv} summary, so that a holdout purchase counts like a calibration one.
     *
     * <p>Output schema, ordered by customer_id: customer_id string; holdout_frequency long (transactions, or
     * distinct purchase days with {@link PurchaseGrouping#CALENDAR_DAY}, in the holdout); holdout_spend double
     * (their total, rounded half-up to the cent). Customers without a holdout purchase have no row.
     *
     * @param transactions   cleaned transactions
     * @param calibrationEnd the end of the calibration period (exclusive for the holdout)
     * @param observationEnd the end of the holdout period (inclusive)
     * @param grouping       what counts as one purchase
     */
    public static Dataset<Row> forHoldout(Dataset<Row> transactions, Instant calibrationEnd, Instant observationEnd,
            PurchaseGrouping grouping) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(observationEnd, "observationEnd");
        Objects.requireNonNull(grouping, "grouping");
        Column purchases = switch (grouping) {
            case EXACT_TIME -> count(lit(1));
            case CALENDAR_DAY -> countDistinct(Columns.utcDay(col("timestamp")));
        };
        return transactions
                .filter(col("timestamp").gt(lit(Timestamp.from(calibrationEnd)))
                        .and(col("timestamp").leq(lit(Timestamp.from(observationEnd)))))
                .groupBy(col("user_id"))
                .agg(purchases.as("holdout_frequency"),
                        round(sum("total"), 2).cast(DataTypes.DoubleType).as("holdout_spend"))
                .select(col("user_id").as("customer_id"), col("holdout_frequency"), col("holdout_spend"))
                .orderBy("customer_id");
    }

    private static Column inPeriods(Column ticks, double ticksPerDay, SummaryPeriod period) {
        return ticks.cast(DataTypes.DoubleType).divide(ticksPerDay).divide(period.days());
    }
}
