package io.ecomanalytics.runner;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Rows materialised with their lineage cut, and how many there are: counted while materialising, so the count costs
 * no job of its own.
 */
record CountedRows(Dataset<Row> rows, long count) {
    private static final String ROWS = "rows";

    /** Materialises {@code dataset} (a local checkpoint) and counts its rows; {@code name} names the observation. */
    static CountedRows checkpoint(Dataset<Row> dataset, String name) {
        Observation observation = new Observation(name);
        Dataset<Row> rows = dataset.observe(observation, functions.count(functions.lit(1)).as(ROWS)).localCheckpoint();
        return new CountedRows(rows, metric(observation, ROWS));
    }

    /** A metric of an observation whose dataset has been materialised. */
    static long metric(Observation observation, String metric) {
        try {
            return ((Number) observation.getAsJava().get(metric)).longValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the metric " + metric + " of "
                    + observation.name(), e);
        }
    }
}
