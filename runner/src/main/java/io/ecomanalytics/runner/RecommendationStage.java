package io.ecomanalytics.runner;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.ecomanalytics.data.GroundTruth;
import io.ecomanalytics.data.PlantedCustomer;
import io.ecomanalytics.recommendations.Evaluation;
import io.ecomanalytics.recommendations.ImplicitFeedback;
import io.ecomanalytics.recommendations.ModelKind;
import io.ecomanalytics.recommendations.ModelMetrics;
import io.ecomanalytics.recommendations.PreparedTraining;
import io.ecomanalytics.recommendations.ProductCatalogue;
import io.ecomanalytics.recommendations.RecommendationModel;
import io.ecomanalytics.recommendations.Recommender;
import io.ecomanalytics.recommendations.RecommenderConfig;
import io.ecomanalytics.recommendations.TimeSplit;
import io.ecomanalytics.recommendations.TrainingData;
import io.ecomanalytics.transforms.CleanTables;
import io.ecomanalytics.transforms.ProductAffinity;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Recommendations: every model is fitted on the period before the last {@value #EVALUATION_DAYS} days and scored on
 * what the customers bought in them; the best model by NDCG@{@value #K} is fitted again on the whole period and its
 * lists become the {@value #RECOMMENDATIONS} output. Few partitions throughout: the tables are small.
 */
final class RecommendationStage {
    static final String RECOMMENDATIONS = "recommendations";
    static final String METRICS = "recommendation_metrics";
    static final int K = 10;
    static final int EVALUATION_DAYS = 14;
    private static final int EXAMPLE_CUSTOMERS = 3;
    private static final List<ModelKind> MODEL_ORDER = List.of(ModelKind.GLOBAL_POPULARITY,
            ModelKind.CATEGORY_POPULARITY, ModelKind.ITEM_COOCCURRENCE, ModelKind.ALS);
    private static final List<ModelKind> MODELS = List.of(ModelKind.ALS, ModelKind.ITEM_COOCCURRENCE,
            ModelKind.CATEGORY_POPULARITY, ModelKind.GLOBAL_POPULARITY);

    private RecommendationStage() {
    }

    private record Fitted(RecommendationModel model, ModelMetrics metrics) {
    }

    /** One recommended product of an example customer, named. */
    record ExampleLine(int rank, String productId, String productName, double score, String reason) {
    }

    /**
     * What the stage produced.
     *
     * @param split    the training and evaluation periods
     * @param metrics  one entry per model, the baseline first
     * @param chosen   the model whose lists were published
     * @param lists    the published lists ({@link Recommender#RECOMMENDATION_SCHEMA})
     * @param customers customers with a list
     * @param examples three customers' lists, for the report
     */
    record Result(TimeSplit split, List<ModelMetrics> metrics, ModelMetrics chosen, Dataset<Row> lists,
            long customers, Map<String, List<ExampleLine>> examples) {

        /** The {@value RecommendationStage#METRICS} table. */
        Dataset<Row> metricsTable(SparkSession spark) {
            return Evaluation.table(spark, metrics);
        }

        /** The console block: one line per model. */
        String text() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Recommendations: trained to %s,"
                    + " evaluated on purchases to %s, %,d customers, k = %d; published: %s (%,d customers)%n",
                    split.trainingEnd(), split.evaluationEnd(), chosen.users(), K, chosen.model().columnValue(),
                    customers));
            text.append(String.format(Locale.ROOT, "  %-20s %9s %9s %9s %9s %9s %9s %9s %8s%n", "model",
                    "precision", "recall", "NDCG", "MAP", "coverage", "full list", "planted", "seconds"));
            for (ModelMetrics m : metrics) {
                text.append(String.format(Locale.ROOT, "  %-20s %9.4f %9.4f %9.4f %9.4f %9.3f %9.3f %9s %8.1f%n",
                        m.model().columnValue(), m.precision(), m.recall(), m.ndcg(), m.meanAveragePrecision(),
                        m.catalogueCoverage(), m.fullListShare(), m.plantedCategoryShare().isPresent()
                                ? String.format(Locale.ROOT, "%.3f", m.plantedCategoryShare().getAsDouble()) : "-",
                        (m.fitTime().toMillis() + m.evaluationTime().toMillis()) / 1000.0));
            }
            return text.toString();
        }

        /** The run summary's {@code recommendations} section. */
        Map<String, Object> summary() {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("training_end", split.trainingEnd().toString());
            section.put("evaluation_end", split.evaluationEnd().toString());
            section.put("k", K);
            section.put("published_model", chosen.model().columnValue());
            section.put("customers_with_a_list", customers);
            List<Map<String, Object>> models = new ArrayList<>();
            for (ModelMetrics m : metrics) {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("model", m.model().columnValue());
                model.put("description", m.description());
                model.put("users", m.users());
                model.put("precision_at_k", m.precision());
                model.put("recall_at_k", m.recall());
                model.put("ndcg_at_k", m.ndcg());
                model.put("map_at_k", m.meanAveragePrecision());
                model.put("catalogue_coverage", m.catalogueCoverage());
                model.put("full_list_share", m.fullListShare());
                model.put("planted_category_share", m.plantedCategoryShare().isPresent()
                        ? m.plantedCategoryShare().getAsDouble() : null);
                model.put("fit_seconds", m.fitTime().toMillis() / 1000.0);
                model.put("evaluation_seconds", m.evaluationTime().toMillis() / 1000.0);
                models.add(model);
            }
            section.put("models", models);
            return section;
        }
    }

    static Result run(SparkSession spark, CleanTables tables, Dataset<Row> items, Dataset<Row> productAffinity,
            Instant observationEnd, Optional<GroundTruth> truth, StageTimer stages) {
        stages.start("recommendations");
        RecommenderConfig config = RecommenderConfig.defaults();
        Dataset<Row> events = ImplicitFeedback.events(tables.pageViews(), tables.sessions(), items)
                .coalesce(config.partitions()).localCheckpoint();
        Dataset<Row> catalogue = ProductCatalogue.from(tables.products(), tables.categories()).localCheckpoint();
        TimeSplit split = TimeSplit.last(Duration.ofDays(EVALUATION_DAYS), observationEnd);
        Timestamp trainingEnd = Timestamp.from(split.trainingEnd());
        // The pairs of the training period only: the analytic's pairs saw the evaluation period.
        Dataset<Row> trainingPairs = ProductAffinity.topPairs(items.filter(col("timestamp").leq(lit(trainingEnd))),
                AnalyticParameters.AFFINITY_PAIRS_PER_PRODUCT);
        TrainingData training = new TrainingData(events.filter(col("timestamp").leq(lit(trainingEnd))), catalogue,
                trainingPairs, split.trainingEnd());
        Evaluation.HeldOut heldOut = new Evaluation.HeldOut(
                Evaluation.relevant(events, split, config.repeats()).localCheckpoint(), catalogue,
                truth.map(planted -> plantedTopCategories(spark, planted)));
        // The models' jobs are small, so their time goes to scheduling more than to tasks: fitting and scoring them
        // side by side (ALS, the longest, first) keeps both cores busy. They share one confidence table and one
        // materialised held-out set, which would otherwise cost each model jobs of its own.
        PreparedTraining prepared = Recommender.prepare(training, config);
        Evaluation.Prepared scoring = Evaluation.prepare(heldOut);
        Map<ModelKind, Fitted> fitted = ConcurrentJobs.each(MODELS, kind -> {
            RecommendationModel model = Recommender.fit(kind, prepared, config);
            return new Fitted(model, Evaluation.score(model, scoring, K));
        });
        List<ModelMetrics> metrics = new ArrayList<>();
        for (ModelKind kind : MODEL_ORDER) {
            metrics.add(fitted.get(kind).metrics());
        }
        ModelMetrics best = metrics.stream().max(Comparator.comparingDouble(ModelMetrics::ndcg)).orElseThrow();
        RecommenderConfig published = fitted.get(best.model()).model().alsParameters()
                .map(parameters -> config.withAlsGrid(List.of(parameters))).orElse(config);
        RecommendationModel model = Recommender.fit(best.model(), new TrainingData(events, catalogue,
                productAffinity, observationEnd), published);
        Dataset<Row> lists = model.recommend(events.select("user_id").distinct(), K).localCheckpoint();
        Row counts = lists.agg(countDistinct("user_id"), count(lit(1))).first();
        long customers = counts.getLong(0);
        Map<String, List<ExampleLine>> examples = examples(lists, events, catalogue);
        stages.end(customers, counts.getLong(1), 0);
        return new Result(split, metrics, best, lists, customers, examples);
    }

    /** One MongoDB document per customer: _id = user_id, the model, and the list in rank order. */
    static Dataset<Row> documents(Dataset<Row> lists) {
        return lists.groupBy("user_id")
                .agg(first("model").as("model"),
                        sort_array(collect_list(struct(col("rank"), col("product_id"), col("score"), col("reason"))))
                                .as("recommendations"))
                .select(col("user_id").as("_id"), col("user_id"), col("model"), col("recommendations"));
    }

    private static Dataset<Row> plantedTopCategories(SparkSession spark, GroundTruth truth) {
        List<Row> rows = new ArrayList<>();
        for (PlantedCustomer customer : truth.customers()) {
            customer.topCategories().forEach(category -> rows.add(RowFactory.create(customer.userId(), category)));
        }
        return spark.createDataFrame(rows, new StructType().add("user_id", DataTypes.StringType)
                .add("category_id", DataTypes.StringType));
    }

    /** The three customers with a full list who bought the most, their lists with product names. */
    private static Map<String, List<ExampleLine>> examples(Dataset<Row> lists, Dataset<Row> events,
            Dataset<Row> catalogue) {
        Dataset<Row> fullLists = lists.groupBy("user_id").agg(count(lit(1)).as("length"))
                .filter(col("length").geq(K)).select("user_id");
        List<String> chosen = events.join(fullLists, "user_id")
                .groupBy("user_id").agg(count(when(col("event").equalTo("purchase"), lit(1))).as("purchases"))
                .orderBy(col("purchases").desc(), col("user_id"))
                .limit(EXAMPLE_CUSTOMERS)
                .collectAsList().stream().map(row -> row.getString(0)).toList();
        Map<String, List<ExampleLine>> examples = new LinkedHashMap<>();
        chosen.forEach(user -> examples.put(user, new ArrayList<>()));
        if (chosen.isEmpty()) {
            return examples;
        }
        lists.filter(col("user_id").isin(chosen.toArray()))
                .join(catalogue.select("product_id", "product_name"), new String[] {"product_id"}, "left_outer")
                .orderBy("user_id", "rank")
                .collectAsList()
                .forEach(row -> examples.get(row.<String>getAs("user_id")).add(new ExampleLine(
                        row.<Integer>getAs("rank"), row.getAs("product_id"),
                        row.isNullAt(row.fieldIndex("product_name")) ? row.getAs("product_id")
                                : row.getAs("product_name"),
                        row.<Double>getAs("score"), row.getAs("reason"))));
        return examples;
    }
}
