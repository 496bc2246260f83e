package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implicit-feedback ALS (Hu, Koren and Volinsky) on the confidence table. The ids are numbered in id order, so the
 * same data and seed give the same factors. The setting is chosen by {@link AlsTuning}.
 */
final class AlsModel implements RecommendationModel {
    private static final Logger LOG = LoggerFactory.getLogger(AlsModel.class);
    private static final Object CHECKPOINT_FOLDER_LOCK = new Object();

    private final PreparedTraining training;
    private final AlsParameters parameters;
    private final Dataset<Row> userIndex;
    private final Dataset<Row> productIndex;
    private final ALSModel model;
    private final Duration fitTime;

    private AlsModel(PreparedTraining training, AlsParameters parameters, Dataset<Row> userIndex,
            Dataset<Row> productIndex, ALSModel model, Duration fitTime) {
        this.training = training;
        this.parameters = parameters;
        this.userIndex = userIndex;
        this.productIndex = productIndex;
        this.model = model;
        this.fitTime = fitTime;
    }

    /**
     * Fits one setting; {@code fitTime} of the result is this fit only. Call inside {@link #withCheckpointFolder}:
     * ALS checkpoints only when the context has a checkpoint folder.
     */
    static AlsModel fit(PreparedTraining training, AlsParameters parameters, RecommenderConfig config) {
        long start = System.nanoTime();
        Dataset<Row> confidence = training.confidence();
        Dataset<Row> users = numbered(confidence.select("user_id").distinct(), "user_id", "user_index");
        Dataset<Row> products = numbered(confidence.select("product_id").distinct(), "product_id", "product_index");
        Dataset<Row> ratings = confidence.join(users, "user_id").join(products, "product_id")
                .select(col("user_index"), col("product_index"), col("confidence"))
                .repartition(config.partitions());
        ALS als = new ALS()
                .setImplicitPrefs(true)
                .setRank(parameters.rank())
                .setRegParam(parameters.regParam())
                .setAlpha(parameters.alpha())
                .setMaxIter(config.alsIterations())
                .setSeed(config.seed())
                .setNumUserBlocks(config.partitions())
                .setNumItemBlocks(config.partitions())
                .setCheckpointInterval(config.checkpointInterval())
                .setColdStartStrategy("drop")
                // The intermediate factors of a shop's catalogue fit in memory, and one lost is recomputed; the final
                // ones keep the default (memory and disk): their lineage reaches checkpoints that are deleted.
                .setIntermediateStorageLevel("MEMORY_ONLY")
                .setUserCol("user_index")
                .setItemCol("product_index")
                .setRatingCol("confidence");
        ALSModel fitted = als.fit(ratings);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Fitted ALS {} in {} ms", parameters, took.toMillis());
        return new AlsModel(training, parameters, users, products, fitted, took);
    }

    /** The same model reporting {@code total} as its fit time (the whole search). */
    AlsModel withFitTime(Duration total) {
        return new AlsModel(training, parameters, userIndex, productIndex, model, total);
    }

    @Override
    public Optional<AlsParameters> alsParameters() {
        return Optional.of(parameters);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.ALS;
    }

    @Override
    public Dataset<Row> recommend(Dataset<Row> users, int k) {
        Dataset<Row> known = users.select("user_id").distinct().join(userIndex, "user_id");
        Dataset<Row> predicted = model.recommendForUserSubset(known, k + training.mostExcluded())
                .select(col("user_index"), explode(col("recommendations")).as("recommendation"))
                .select(col("user_index"), col("recommendation.product_index").as("product_index"),
                        col("recommendation.rating").cast(DataTypes.DoubleType).as("score"));
        Dataset<Row> candidates = predicted.join(userIndex, "user_index").join(productIndex, "product_index")
                .select(col("user_id"), col("product_id"), col("score"),
                        lit("chosen by customers with similar taste").as("reason"));
        return Ranking.topK(candidates, training.excluded(), k, kind());
    }

    @Override
    public Duration fitTime() {
        return fitTime;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "implicit ALS rank %d; regParam %s; alpha %s", parameters.rank(),
                parameters.regParam(), parameters.alpha());
    }

    /** Ids numbered 0, 1, ... in id order: the ALS columns are integers, and the order keeps runs repeatable. */
    private static Dataset<Row> numbered(Dataset<Row> ids, String idColumn, String indexColumn) {
        return ids.withColumn(indexColumn, row_number().over(Window.orderBy(idColumn)).minus(1)
                        .cast(DataTypes.IntegerType))
                .localCheckpoint();
    }

    /**
     * Runs {@code fits} with a checkpoint folder of their own on the context, deleted afterwards: checkpoints are
     * worthless once the factors are computed, and would pile up run after run. The checkpoint folder is the
     * context's, so one such block runs at a time.
     */
    static <T> T withCheckpointFolder(SparkSession spark, RecommenderConfig config, Supplier<T> fits) {
        String folder;
        if (config.checkpointFolder().isPresent()) {
            folder = config.checkpointFolder().get() + "/als-" + UUID.randomUUID();
        } else {
            try {
                folder = Files.createTempDirectory("ecom-als-checkpoints-").toUri().toString();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary folder for the ALS checkpoints: "
                        + e.getMessage() + ". Set a checkpoint folder in the RecommenderConfig.", e);
            }
        }
        synchronized (CHECKPOINT_FOLDER_LOCK) {
            spark.sparkContext().setCheckpointDir(folder);
            try {
                return fits.get();
            } finally {
                Path path = new Path(folder);
                try {
                    FileSystem fileSystem = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
                    fileSystem.delete(path, true);
                } catch (IOException e) {
                    LOG.warn("Cannot delete the ALS checkpoints in {}: {}", folder, e.getMessage());
                }
            }
        }
    }
}
