package io.ecomanalytics.transforms;

import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Times every analytic on generated JSON datasets, Spark (local mode, all cores) next to DuckDB running the same
 * queries ({@link DuckDbQueries}) on the same files in the same JVM, and prints the Spark/DuckDB ratios. Prints
 * figures only; never asserts.
 *
 * <p>Arguments: a work folder (datasets are generated into {@code <folder>/<scale>} unless already there), then the
 * scales ({@code small}, {@code full}; default both). {@code full/10} is the full scale with a tenth of the
 * transactions and sessions (same users, products and categories), for machines where full does not fit the time. Both engines first load and clean the files into memory
 * (Spark: read, {@link Cleaning}, cache; DuckDB: tables), timed as {@code load}; each analytic is then materialised
 * (Spark: a {@code noop} write; DuckDB: a temporary table) and the best of a few runs is kept.
 */
public final class TransformsBenchmark {

    private static final Instant OBSERVATION_END = Instant.parse("2024-12-15T00:00:00Z");
    private static final int TOP_PAIRS = 5;
    private static final int BUCKET_SECONDS = 60;

    private TransformsBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length < 1) {
            System.err.println("Usage: TransformsBenchmark <work folder> [scale...]   (scales: small, full)");
            System.exit(2);
        }
        Path work = Path.of(arguments[0]);
        List<String> scales = arguments.length > 1 ? List.of(arguments).subList(1, arguments.length)
                : List.of("small", "full");
        SparkSession spark = SparkSession.builder().appName("transforms-benchmark").master("local[*]")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", String.valueOf(Runtime.getRuntime().availableProcessors() * 2))
                .getOrCreate();
        int status = 0;
        try {
            for (String scale : scales) {
                run(spark, work, scale);
            }
        } catch (RuntimeException | SQLException e) {
            e.printStackTrace();
            status = 1;
        } finally {
            spark.stop();
        }
        System.exit(status);
    }

    private static void run(SparkSession spark, Path work, String scale) throws SQLException {
        Path folder = work.resolve(scale.replace('/', '_'));
        if (!Files.exists(folder.resolve("transactions.json"))) {
            long start = System.nanoTime();
            DatasetGenerator.generate(spec(scale), folder, ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "%s: generated in %.1f s%n", scale, seconds(System.nanoTime() - start));
        }
        int repetitions = "small".equals(scale) ? 3 : 1;
        List<String[]> lines = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
            statement.execute("SET memory_limit = '6GB'");
            statement.execute("SET preserve_insertion_order = false");

            List<Dataset<Row>> cached = new ArrayList<>();
            long sparkLoad = time(() -> {
                JsonDatasetReader.Read read = JsonDatasetReader.read(spark, folder);
                CleanTables tables = read.tables();
                for (Dataset<Row> table : List.of(tables.users(), tables.products(), tables.categories(),
                        tables.transactions(), tables.sessions())) {
                    cached.add(table.cache());
                }
                return cached.stream().mapToLong(Dataset::count).sum() + read.rejected();
            });
            CleanTables tables = new CleanTables(cached.get(0), cached.get(1), cached.get(2), cached.get(3),
                    cached.get(4));
            long duckLoad = time(() -> {
                for (String sql : DuckDbQueries.load(folder)) {
                    execute(statement, sql);
                }
                return 0;
            });
            lines.add(line("load (read + clean)", sparkLoad, duckLoad));

            Map<Analytic, Dataset<Row>> sparkAnalytics = Analytics.all(tables, OBSERVATION_END, TOP_PAIRS,
                    BUCKET_SECONDS);
            Map<String, String> duckAnalytics = DuckDbQueries.analytics(
                    OBSERVATION_END.toString().replace("T", " ").replace("Z", ""), TOP_PAIRS, BUCKET_SECONDS);
            long sparkTotal = sparkLoad;
            long duckTotal = duckLoad;
            for (Map.Entry<Analytic, Dataset<Row>> analytic : sparkAnalytics.entrySet()) {
                String sql = duckAnalytics.get(analytic.getKey().tableName());
                long sparkBest = Long.MAX_VALUE;
                long duckBest = Long.MAX_VALUE;
                for (int run = 0; run < repetitions; run++) {
                    sparkBest = Math.min(sparkBest, time(() -> {
                        analytic.getValue().write().format("noop").mode("overwrite").save();
                        return 0;
                    }));
                    duckBest = Math.min(duckBest, time(() -> {
                        execute(statement, "CREATE OR REPLACE TEMP TABLE result AS " + sql);
                        return 0;
                    }));
                }
                sparkTotal += sparkBest;
                duckTotal += duckBest;
                lines.add(line(analytic.getKey().tableName(), sparkBest, duckBest));
            }
            lines.add(line("whole set (load + all)", sparkTotal, duckTotal));
            cached.forEach(Dataset::unpersist);
        }
        System.out.printf(Locale.ROOT, "%n== %s (%d cores, best of %d) ==%n", scale,
                Runtime.getRuntime().availableProcessors(), repetitions);
        System.out.printf(Locale.ROOT, "%-30s %12s %12s %14s%n", "analytic", "spark s", "duckdb s", "spark/duckdb");
        lines.forEach(line -> System.out.printf(Locale.ROOT, "%-30s %12s %12s %14s%n", (Object[]) line));
    }

    private static GeneratorSpec spec(String scale) {
        String[] parts = scale.split("/");
        GeneratorSpec spec = GeneratorSpec.scale(parts[0]);
        if (parts.length == 1) {
            return spec;
        }
        long divisor = Long.parseLong(parts[1]);
        return spec.withTransactions(spec.transactions() / divisor).withSessions(spec.sessions() / divisor);
    }

    private static void execute(Statement statement, String sql) {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB refused: " + sql, e);
        }
    }

    private static long time(LongSupplier work) {
        long start = System.nanoTime();
        work.getAsLong();
        return System.nanoTime() - start;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String[] line(String name, long sparkNanos, long duckNanos) {
        return new String[] {name, String.format(Locale.ROOT, "%.3f", seconds(sparkNanos)),
                String.format(Locale.ROOT, "%.3f", seconds(duckNanos)),
                String.format(Locale.ROOT, "%.2f", (double) sparkNanos / duckNanos)};
    }
}
