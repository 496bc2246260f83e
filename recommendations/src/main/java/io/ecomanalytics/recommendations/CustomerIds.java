package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.broadcast;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Joins against a table keyed by customer (their ids, or a few rows each). A shop's catalogue always fits a broadcast;
 * its customers often do (the customers asked about, the ids ALS numbers, the lists shown) and then the large side of
 * the join, the confidence table, stays where it is instead of being shuffled. Past a bound the join is left to Spark.
 */
final class CustomerIds {
    /** Tables up to this many rows (tens of MB) are broadcast. */
    static final long MOST_BROADCAST_ROWS = 1_000_000;

    private CustomerIds() {
    }

    /** {@code ids}, hinted for a broadcast join when it has at most {@link #MOST_BROADCAST_ROWS} rows. */
    static Dataset<Row> forJoin(Dataset<Row> ids) {
        return ids.count() <= MOST_BROADCAST_ROWS ? broadcast(ids) : ids;
    }
}
