package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implicit-feedback ALS (Hu, Koren and Volinsky) on the confidence table. The ids are numbered in id order, so the
 * same data and seed give the same factors. The setting is chosen by {@link AlsTuning}.
 */
final class AlsModel implements RecommendationModel {
    private static final Logger LOG = LoggerFactory.getLogger(AlsModel.class);
    private static final Object CHECKPOINT_FOLDER_LOCK = new Object();
    private static final StructType CANDIDATE_SCHEMA = new StructType()
            .add("user_id", DataTypes.StringType)
            .add("product_id", DataTypes.StringType)
            .add("score", DataTypes.DoubleType);

    private final PreparedTraining training;
    private final AlsParameters parameters;
    private final Dataset<Row> userIndex;
    private final Dataset<Row> productIndex;
    private final ALSModel model;
    private final Duration fitTime;
    private Broadcast<ProductFactors> productFactors;

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
        // The id tables are small next to the confidence table, which keeps its partitions (PreparedTraining has
        // config.partitions() of them): broadcast joins leave it where it is, and ALS shuffles it into its blocks.
        Dataset<Row> ratings = confidence.join(CustomerIds.forJoin(users), "user_id").join(broadcast(products), "product_id")
                .select(col("user_index"), col("product_index"), col("confidence"));
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
        Broadcast<ProductFactors> products = productFactorsBroadcast();
        Dataset<Row> userFactors = model.userFactors().select(col("id").as("user_index"), col("features"));
        Dataset<Row> excludedPerUser = training.excluded().groupBy("user_id")
                .agg(collect_list("product_id").as("excluded"));
        Dataset<Row> known = users.select("user_id").distinct()
                .join(userIndex, "user_id")
                .join(userFactors, "user_index")
                .join(excludedPerUser, new String[] {"user_id"}, "left_outer")
                .select("user_id", "features", "excluded");
        Dataset<Row> candidates = known.flatMap(topKOf(products, k), Encoders.row(CANDIDATE_SCHEMA))
                .withColumn("reason", lit("chosen by customers with similar taste"));
        return Ranking.ranked(candidates, k, kind());
    }

    /** Every product's factors, to the driver and from there to each executor once per model. */
    private synchronized Broadcast<ProductFactors> productFactorsBroadcast() {
        if (productFactors == null) {
            productFactors = JavaSparkContext.fromSparkContext(userIndex.sparkSession().sparkContext())
                    .broadcast(collectProductFactors());
        }
        return productFactors;
    }

    private ProductFactors collectProductFactors() {
        List<String> ids = new ArrayList<>();
        List<float[]> factors = new ArrayList<>();
        for (Row row : model.itemFactors().join(productIndex, col("id").equalTo(col("product_index")))
                .select("product_id", "features").collectAsList()) {
            ids.add(row.getString(0));
            List<Float> features = row.getList(1);
            float[] vector = new float[features.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = features.get(i);
            }
            factors.add(vector);
        }
        return new ProductFactors(ids, factors);
    }

    /** Static, so that the function carries the broadcast and k only, never the model. */
    private static FlatMapFunction<Row, Row> topKOf(Broadcast<ProductFactors> products, int k) {
        return row -> {
            List<Float> features = row.getList(1);
            float[] vector = new float[features.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = features.get(i);
            }
            Set<String> excluded = row.isNullAt(2) ? Set.of() : new HashSet<>(row.<String>getList(2));
            List<Row> rows = new ArrayList<>();
            for (ProductFactors.ScoredProduct product : products.value().topK(vector, excluded, k)) {
                rows.add(RowFactory.create(row.getString(0), product.productId(), product.score()));
            }
            return rows.iterator();
        };
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
