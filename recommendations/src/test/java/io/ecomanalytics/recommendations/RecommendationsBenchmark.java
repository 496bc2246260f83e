package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.GroundTruth;
import io.ecomanalytics.data.PlantedCustomer;
import io.ecomanalytics.data.ProgressListener;
import io.ecomanalytics.transforms.CleanTables;
import io.ecomanalytics.transforms.Cleaning;
import io.ecomanalytics.transforms.ProductAffinity;
import io.ecomanalytics.transforms.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Fits and evaluates every model on generated (realistic) datasets the way the runner's recommendation stage does
 * (train before the last 14 days, score k = 10 on them) and prints each model's fit and evaluation time and metrics.
 * Prints figures only; never asserts.
 *
 * <p>The first run at a scale also keeps the cleaned events, items and catalogue as Parquet in
 * {@code <folder>/<scale>/}{@value #PREPARED}; later runs read those instead of the JSON (delete it to measure the
 * read again).
 *
 * <p>Arguments: a work folder (datasets are generated into {@code <folder>/<scale>} unless already there), then the
 * scales (default {@code small full}). {@code --wide} tries {@link RecommenderConfig#WIDE_GRID} instead of the
 * default grid.
 */
public final class RecommendationsBenchmark {
    private static final int K = 10;
    private static final int TOP_PAIRS = 5;
    /** The cleaned inputs of the models, kept as Parquet next to the dataset: later runs skip reading the JSON. */
    private static final String PREPARED = "prepared-for-recommendations";

    private RecommendationsBenchmark() {
    }

    public static void main(String[] arguments) {
        if (arguments.length < 1) {
            System.err.println("Usage: RecommendationsBenchmark <work folder> [--wide] [scale...]   (small, full)");
            System.exit(2);
        }
        Path work = Path.of(arguments[0]);
        List<String> rest = new ArrayList<>(List.of(arguments).subList(1, arguments.length));
        boolean wide = rest.remove("--wide");
        List<String> scales = rest.isEmpty() ? List.of("small", "full") : rest;
        SparkSession spark = SparkSession.builder().appName("recommendations-benchmark").master("local[*]")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "8")
                .getOrCreate();
        int status = 0;
        try {
            for (String scale : scales) {
                run(spark, work, scale, wide ? RecommenderConfig.defaults().withAlsGrid(RecommenderConfig.WIDE_GRID)
                        : RecommenderConfig.defaults());
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;
        } finally {
            spark.stop();
        }
        System.exit(status);
    }

    private static void run(SparkSession spark, Path work, String scale, RecommenderConfig config) {
        Path folder = work.resolve(scale);
        if (!Files.exists(folder.resolve("transactions.json"))) {
            long start = System.nanoTime();
            DatasetGenerator.generate(GeneratorSpec.scale(scale), folder, ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "%s: generated in %.1f s%n", scale, seconds(start));
        }
        long start = System.nanoTime();
        Path prepared = folder.resolve(PREPARED);
        if (!Files.exists(prepared.resolve("events"))) {
            CleanTables tables = read(spark, folder);
            Dataset<Row> items = tables.transactionItems();
            ImplicitFeedback.events(tables.pageViews(), tables.sessions(), items).write().parquet(
                    prepared.resolve("events").toString());
            items.write().parquet(prepared.resolve("items").toString());
            ProductCatalogue.from(tables.products(), tables.categories()).write()
                    .parquet(prepared.resolve("catalogue").toString());
        }
        Dataset<Row> items = spark.read().parquet(prepared.resolve("items").toString()).localCheckpoint();
        Dataset<Row> events = spark.read().parquet(prepared.resolve("events").toString())
                .coalesce(config.partitions()).localCheckpoint();
        Dataset<Row> catalogue = spark.read().parquet(prepared.resolve("catalogue").toString()).localCheckpoint();
        Instant end = items.agg(max("timestamp")).first().getTimestamp(0).toInstant();
        System.out.printf(Locale.ROOT, "%s: %,d events read and prepared in %.1f s%n", scale, events.count(),
                seconds(start));

        start = System.nanoTime();
        TimeSplit split = TimeSplit.last(Duration.ofDays(14), end);
        Timestamp trainingEnd = Timestamp.from(split.trainingEnd());
        TrainingData training = new TrainingData(events.filter(col("timestamp").leq(lit(trainingEnd))), catalogue,
                ProductAffinity.topPairs(items.filter(col("timestamp").leq(lit(trainingEnd))), TOP_PAIRS),
                split.trainingEnd());
        List<RecommendationModel> models = Recommender.fit(List.of(ModelKind.values()), training, config);
        Optional<Dataset<Row>> planted = GroundTruth.read(folder).map(truth -> planted(spark, truth));
        List<ModelMetrics> metrics = Evaluation.compare(models,
                new Evaluation.HeldOut(Evaluation.relevant(events, split, config.repeats()), catalogue, planted), K);
        System.out.printf(Locale.ROOT, "%s: all models fitted and evaluated in %.1f s (training to %s)%n", scale,
                seconds(start), split.trainingEnd());
        System.out.printf(Locale.ROOT, "  %-20s %8s %8s %9s %9s %9s %9s %9s %9s %9s%n", "model", "fit s", "eval s",
                "precision", "recall", "NDCG", "MAP", "coverage", "full list", "planted");
        for (ModelMetrics m : metrics) {
            System.out.printf(Locale.ROOT, "  %-20s %8.1f %8.1f %9.4f %9.4f %9.4f %9.4f %9.3f %9.3f %9s%n",
                    m.model().columnValue(), m.fitTime().toMillis() / 1000.0, m.evaluationTime().toMillis() / 1000.0,
                    m.precision(), m.recall(), m.ndcg(), m.meanAveragePrecision(), m.catalogueCoverage(),
                    m.fullListShare(), m.plantedCategoryShare().isPresent()
                            ? String.format(Locale.ROOT, "%.3f", m.plantedCategoryShare().getAsDouble()) : "-");
        }
        System.out.printf(Locale.ROOT, "  %s: %s; %,d customers evaluated%n", ModelKind.ALS.columnValue(),
                models.get(ModelKind.ALS.ordinal()).description(), metrics.get(0).users());
    }

    private static CleanTables read(SparkSession spark, Path folder) {
        return new CleanTables(
                Cleaning.users(file(spark, Schemas.usersFromJson(), folder.resolve("users.json"))).kept(),
                Cleaning.products(file(spark, Schemas.productsFromJson(), folder.resolve("products.json"))).kept(),
                Cleaning.categories(file(spark, Schemas.categoriesFromJson(), folder.resolve("categories.json")))
                        .kept(),
                Cleaning.transactions(file(spark, Schemas.transactionsFromJson(),
                        folder.resolve("transactions.json"))).kept().localCheckpoint(),
                Cleaning.sessions(file(spark, Schemas.sessionsFromJson(), folder.resolve("sessions_*.json"))).kept()
                        .localCheckpoint());
    }

    private static Dataset<Row> file(SparkSession spark, StructType schema, Path path) {
        return spark.read().schema(schema).option("multiLine", "true").json(path.toString());
    }

    private static Dataset<Row> planted(SparkSession spark, GroundTruth truth) {
        List<Row> rows = new ArrayList<>();
        for (PlantedCustomer customer : truth.customers()) {
            customer.topCategories().forEach(category -> rows.add(RowFactory.create(customer.userId(), category)));
        }
        return spark.createDataFrame(rows, new StructType().add("user_id", DataTypes.StringType)
                .add("category_id", DataTypes.StringType));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
