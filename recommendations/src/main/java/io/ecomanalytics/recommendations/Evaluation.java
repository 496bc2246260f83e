package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.evaluation.RankingMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Offline evaluation on held-out time: every model recommends k products to each customer who bought something in
 * the evaluation period, and its lists are scored against those purchases with Spark's {@link RankingMetrics}.
 */
public final class Evaluation {
    /** The schema of {@link #table}: one row per model. */
    public static final StructType METRICS_SCHEMA = new StructType()
            .add("model", DataTypes.StringType)
            .add("description", DataTypes.StringType)
            .add("k", DataTypes.IntegerType)
            .add("users", DataTypes.LongType)
            .add("precision_at_k", DataTypes.DoubleType)
            .add("recall_at_k", DataTypes.DoubleType)
            .add("ndcg_at_k", DataTypes.DoubleType)
            .add("map_at_k", DataTypes.DoubleType)
            .add("catalogue_coverage", DataTypes.DoubleType)
            .add("full_list_share", DataTypes.DoubleType)
            .add("planted_category_share", DataTypes.DoubleType)
            .add("fit_seconds", DataTypes.DoubleType)
            .add("evaluation_seconds", DataTypes.DoubleType);

    private Evaluation() {
    }

    /**
     * What the lists are scored against.
     *
     * @param relevant             {@link #relevant}
     * @param catalogue            {@link ProductCatalogue#from}: its size is the denominator of the coverage
     * @param plantedTopCategories user_id, category_id: each customer's planted top categories, when known
     */
    public record HeldOut(Dataset<Row> relevant, Dataset<Row> catalogue, Optional<Dataset<Row>> plantedTopCategories) {

        public HeldOut {
            Objects.requireNonNull(relevant, "relevant");
            Objects.requireNonNull(catalogue, "catalogue");
            Objects.requireNonNull(plantedTopCategories, "plantedTopCategories");
        }
    }

    /**
     * The products each customer bought in the evaluation period (user_id, product_id, distinct), for customers with
     * at least one event in the training period (a model can say nothing about a stranger). With
     * {@link RepeatPurchases#EXCLUDE}, products the customer bought in the training period do not count: no model
     * may recommend them, so they could only lower every model's recall alike.
     *
     * @param events {@link ImplicitFeedback#events}
     */
    public static Dataset<Row> relevant(Dataset<Row> events, TimeSplit split, RepeatPurchases repeats) {
        Timestamp trainingEnd = Timestamp.from(split.trainingEnd());
        Dataset<Row> training = events.filter(col("timestamp").leq(lit(trainingEnd)));
        Dataset<Row> purchasesAfter = events
                .filter(col("event").equalTo(EventType.PURCHASE.columnValue())
                        .and(col("timestamp").gt(lit(trainingEnd)))
                        .and(col("timestamp").leq(lit(Timestamp.from(split.evaluationEnd())))))
                .select("user_id", "product_id").distinct();
        if (repeats == RepeatPurchases.EXCLUDE) {
            Dataset<Row> boughtBefore = training.filter(col("event").equalTo(EventType.PURCHASE.columnValue()))
                    .select("user_id", "product_id").distinct();
            purchasesAfter = purchasesAfter.join(boughtBefore, new String[] {"user_id", "product_id"}, "left_anti");
        }
        return purchasesAfter.join(training.select("user_id").distinct(), new String[] {"user_id"}, "left_semi");
    }

    /**
     * What every model is scored against, materialised once: the relevant purchases, their customers and how many,
     * and the catalogue's size.
     */
    public record Prepared(HeldOut heldOut, Dataset<Row> relevant, Dataset<Row> users, long userCount,
            long catalogueSize) {
    }

    /** Materialises {@code heldOut} once for several {@link #score} calls (one thread each, say). */
    public static Prepared prepare(HeldOut heldOut) {
        Dataset<Row> relevant = heldOut.relevant().localCheckpoint();
        Dataset<Row> users = relevant.select("user_id").distinct();
        return new Prepared(heldOut, relevant, users, users.count(), heldOut.catalogue().count());
    }

    /** Scores every model at list length {@code k}, in the given order. */
    public static List<ModelMetrics> compare(List<RecommendationModel> models, HeldOut heldOut, int k) {
        Prepared prepared = prepare(heldOut);
        List<ModelMetrics> results = new ArrayList<>();
        for (RecommendationModel model : models) {
            results.add(score(model, prepared, k));
        }
        return results;
    }

    /** Scores one model at list length {@code k} against what {@link #prepare} materialised. */
    public static ModelMetrics score(RecommendationModel model, Prepared prepared, int k) {
        long start = System.nanoTime();
        long userCount = prepared.userCount();
        long catalogueSize = prepared.catalogueSize();
        HeldOut heldOut = prepared.heldOut();
        Dataset<Row> lists = model.recommend(prepared.users(), k).localCheckpoint();
        RankingMetrics<String> ranking = rankingMetrics(lists, prepared.relevant());
        Row shape = lists.groupBy("user_id").agg(count(lit(1)).as("length"))
                .agg(sum(when(col("length").geq(k), lit(1L)).otherwise(lit(0L))))
                .crossJoin(lists.agg(countDistinct("product_id")))
                .first();
        long fullLists = shape.isNullAt(0) ? 0 : shape.getLong(0);
        OptionalDouble planted = heldOut.plantedTopCategories()
                .map(categories -> plantedCategoryShare(lists, heldOut.catalogue(), categories))
                .orElse(OptionalDouble.empty());
        return new ModelMetrics(model.kind(), model.description(), k, userCount,
                userCount == 0 ? 0 : ranking.precisionAt(k), userCount == 0 ? 0 : ranking.recallAt(k),
                userCount == 0 ? 0 : ranking.ndcgAt(k), userCount == 0 ? 0 : ranking.meanAveragePrecisionAt(k),
                catalogueSize == 0 ? 0 : (double) shape.getLong(1) / catalogueSize,
                userCount == 0 ? 0 : (double) fullLists / userCount, planted, model.fitTime(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The metrics as a table ({@link #METRICS_SCHEMA}). */
    public static Dataset<Row> table(SparkSession spark, List<ModelMetrics> metrics) {
        List<Row> rows = new ArrayList<>();
        for (ModelMetrics m : metrics) {
            rows.add(RowFactory.create(m.model().columnValue(), m.description(), m.k(), m.users(), m.precision(),
                    m.recall(), m.ndcg(), m.meanAveragePrecision(), m.catalogueCoverage(), m.fullListShare(),
                    m.plantedCategoryShare().isPresent() ? m.plantedCategoryShare().getAsDouble() : null,
                    m.fitTime().toMillis() / 1000.0, m.evaluationTime().toMillis() / 1000.0));
        }
        return spark.createDataFrame(rows, METRICS_SCHEMA).coalesce(1);
    }

    /** NDCG@k of {@code lists} against {@code relevant}: what {@link AlsTuning} compares candidates by. */
    static double ndcg(Dataset<Row> lists, Dataset<Row> relevant, int k) {
        return rankingMetrics(lists, relevant).ndcgAt(k);
    }

    /**
     * Spark's ranking metrics over every customer in {@code relevant}; a customer without a list counts as an
     * empty list (scores 0), so a model that leaves customers out is not rewarded for it.
     */
    static RankingMetrics<String> rankingMetrics(Dataset<Row> lists, Dataset<Row> relevant) {
        Dataset<Row> predicted = lists.groupBy("user_id")
                .agg(sort_array(collect_list(struct(col("rank"), col("product_id")))).as("ranked"))
                .select(col("user_id"), col("ranked.product_id").as("predicted"));
        Dataset<Row> actual = relevant.groupBy("user_id")
                .agg(sort_array(collect_set(col("product_id"))).as("actual"));
        // RankingMetrics runs one job per metric: the joined lists are materialised once for all of them.
        JavaRDD<Tuple2<List<String>, List<String>>> pairs = actual.join(predicted,
                        new String[] {"user_id"}, "left_outer")
                .select("predicted", "actual")
                .localCheckpoint()
                .javaRDD()
                .map(Evaluation::pair);
        return RankingMetrics.of(pairs);
    }

    private static Tuple2<List<String>, List<String>> pair(Row row) {
        List<String> predicted = row.isNullAt(0) ? new ArrayList<>() : new ArrayList<>(row.<String>getList(0));
        return new Tuple2<>(predicted, new ArrayList<>(row.<String>getList(1)));
    }

    private static OptionalDouble plantedCategoryShare(Dataset<Row> lists, Dataset<Row> catalogue,
            Dataset<Row> plantedTopCategories) {
        Dataset<Row> planted = plantedTopCategories.select(col("user_id"), col("category_id"),
                lit(true).as("planted"));
        Row share = lists.join(plantedTopCategories.select("user_id").distinct(), new String[] {"user_id"},
                        "left_semi")
                .join(broadcast(catalogue.select("product_id", "category_id")), "product_id")
                .join(planted, new String[] {"user_id", "category_id"}, "left_outer")
                .agg(count(lit(1)), sum(when(col("planted"), lit(1)).otherwise(lit(0))))
                .first();
        long recommended = share.getLong(0);
        return recommended == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) share.getLong(1) / recommended);
    }
}
