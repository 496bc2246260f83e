package io.ecomanalytics.runner;

import io.ecomanalytics.transforms.Analytic;
import io.ecomanalytics.transforms.Analytics;
import io.ecomanalytics.transforms.CleanTables;
import io.ecomanalytics.transforms.JsonDatasetReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spark's analytics alone against DuckDB's on the same JSON files, in the same JVM: both engines read and clean the
 * files into memory (timed as one line), then compute every analytic of {@link Analytics#all}, Spark with a
 * {@code noop} write and DuckDB into a temporary table, keeping the best of a few runs each. Both must agree on every
 * analytic's row count, or there is no figure: a faster wrong answer proves nothing.
 */
final class EngineComparison {
    private static final Logger LOG = LoggerFactory.getLogger(EngineComparison.class);
    /** Below this many transactions every analytic runs three times and the fastest run counts; above, once. */
    private static final long REPEATED_UP_TO_TRANSACTIONS = 100_000;
    private static final String LOAD = "load (read + clean)";
    private static final String WHOLE = "whole set (load + all)";

    private EngineComparison() {
    }

    /** One line of the comparison: the rows both engines produced and each engine's best time. */
    record Timing(String name, long rows, long sparkNanos, long duckDbNanos) {
        double ratio() {
            return (double) sparkNanos / duckDbNanos;
        }
    }

    /** Every line, the load first and the whole set last, and how many runs each analytic had. */
    record Result(List<Timing> timings, int repetitions) {
        Timing wholeSet() {
            return timings.get(timings.size() - 1);
        }

        /** The lines as a text table with a header. */
        String table() {
            StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-30s %12s %10s %10s %13s%n",
                    "analytic", "rows", "spark s", "duckdb s", "spark/duckdb"));
            for (Timing timing : timings) {
                table.append(String.format(Locale.ROOT, "%-30s %,12d %10.3f %10.3f %13.2f%n", timing.name(),
                        timing.rows(), timing.sparkNanos() / 1e9, timing.duckDbNanos() / 1e9, timing.ratio()));
            }
            return table.toString();
        }
    }

    /**
     * Compares the engines on the dataset in {@code folder}.
     *
     * @throws IllegalStateException if DuckDB refuses a statement, or the engines disagree on an analytic's rows
     */
    static Result run(SparkSession spark, Path folder, long transactions) {
        int repetitions = transactions <= REPEATED_UP_TO_TRANSACTIONS ? 3 : 1;
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckDb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
            statement.execute("SET preserve_insertion_order = false");
            // DuckDB's memory is outside the JVM's heap: bounded, so that both fit with the heap `full` needs.
            statement.execute("SET memory_limit = '6GB'");
            return compare(spark, folder, statement, repetitions);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed: " + e.getMessage() + ". The comparison needs the"
                    + " duckdb_jdbc jar the runner's POM names; rerun without --against-duckdb to skip it.", e);
        }
    }

    private static Result compare(SparkSession spark, Path folder, Statement statement, int repetitions)
            throws SQLException {
        List<Timing> timings = new ArrayList<>();
        long start = System.nanoTime();
        // The reader caches every entity's cleaned rows, as DuckDB's load makes its tables; closing releases them.
        try (JsonDatasetReader.CleanedFiles read = JsonDatasetReader.read(spark, folder)) {
            CleanTables tables = read.tables();
            long sparkRows = read.rejected();
            for (Dataset<Row> kept : List.of(tables.users(), tables.products(), tables.categories(),
                    tables.transactions(), tables.sessions())) {
                sparkRows += kept.count();
            }
            long sparkLoad = System.nanoTime() - start;
            start = System.nanoTime();
            for (String sql : DuckDbQueries.load(folder)) {
                execute(statement, sql);
            }
            long duckDbLoad = System.nanoTime() - start;
            timings.add(new Timing(LOAD, sparkRows, sparkLoad, duckDbLoad));
            LOG.info("Both engines read and cleaned {} in {} ms (Spark) and {} ms (DuckDB)", folder,
                    sparkLoad / 1_000_000, duckDbLoad / 1_000_000);
            Instant observationEnd = latestTransaction(statement);
            Map<Analytic, Dataset<Row>> sparkAnalytics = Analytics.all(tables, observationEnd,
                    AnalyticParameters.AFFINITY_PAIRS_PER_PRODUCT, AnalyticParameters.DURATION_BUCKET_SECONDS);
            Map<Analytic, String> duckDbAnalytics = DuckDbQueries.analytics(observationEnd);
            long sparkTotal = sparkLoad;
            long duckDbTotal = duckDbLoad;
            for (Map.Entry<Analytic, Dataset<Row>> analytic : sparkAnalytics.entrySet()) {
                Timing timing = timeBoth(analytic.getKey(), analytic.getValue(),
                        duckDbAnalytics.get(analytic.getKey()), statement, repetitions);
                timings.add(timing);
                sparkTotal += timing.sparkNanos();
                duckDbTotal += timing.duckDbNanos();
            }
            timings.add(new Timing(WHOLE, timings.stream().skip(1).mapToLong(Timing::rows).sum(), sparkTotal,
                    duckDbTotal));
            return new Result(List.copyOf(timings), repetitions);
        }
    }

    /**
     * One analytic's best time on each engine.
     *
     * @throws IllegalStateException if the engines disagree on its rows
     */
    static Timing timeBoth(Analytic analytic, Dataset<Row> spark, String duckDbQuery, Statement statement,
            int repetitions) throws SQLException {
        long sparkBest = Long.MAX_VALUE;
        long duckDbBest = Long.MAX_VALUE;
        for (int run = 0; run < repetitions; run++) {
            long start = System.nanoTime();
            spark.write().format("noop").mode("overwrite").save();
            sparkBest = Math.min(sparkBest, System.nanoTime() - start);
            start = System.nanoTime();
            execute(statement, "CREATE OR REPLACE TEMP TABLE result AS " + duckDbQuery);
            duckDbBest = Math.min(duckDbBest, System.nanoTime() - start);
        }
        long sparkRows = spark.count();
        long duckDbRows = singleNumber(statement, "SELECT count(*) FROM result");
        if (sparkRows != duckDbRows) {
            throw new IllegalStateException(analytic.tableName() + " has " + sparkRows + " rows from Spark but "
                    + duckDbRows + " from DuckDB's query, so their times do not compare. This is a bug in the"
                    + " runner's DuckDbQueries or in spark-transforms' Analytics; please report it with the scale.");
        }
        return new Timing(analytic.tableName(), sparkRows, sparkBest, duckDbBest);
    }

    /** The CLV observation window ends at the latest transaction, as in the pipeline. */
    private static Instant latestTransaction(Statement statement) throws SQLException {
        // In microseconds: a JDBC Timestamp of a zoneless TIMESTAMP would shift by the JVM's time zone.
        long micros = singleNumber(statement, "SELECT coalesce(epoch_us(max(timestamp)), -1) FROM transactions");
        if (micros < 0) {
            throw new IllegalStateException("The dataset has no transaction to analyse.");
        }
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static long singleNumber(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(Statement statement, String sql) {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB refused a statement of the comparison (" + e.getMessage()
                    + "): " + sql, e);
        }
    }
}
