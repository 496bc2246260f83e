package io.ecomanalytics.recommendations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The front door: fits the recommendation models on {@link TrainingData}.
 *
 * <pre>{@code
 * TrainingData data = new TrainingData(ImplicitFeedback.events(pageViews, sessions, items),
 *         ProductCatalogue.from(products, categories), productAffinity, trainedUntil);
 * RecommendationModel model = Recommender.fit(ModelKind.CATEGORY_POPULARITY, data, RecommenderConfig.defaults());
 * Dataset<Row> lists = model.recommend(users, 10);
 * }</pre>
 */
public final class Recommender {
    /** What {@link RecommendationModel#recommend} returns. */
    public static final StructType RECOMMENDATION_SCHEMA = new StructType()
            .add("user_id", DataTypes.StringType)
            .add("rank", DataTypes.IntegerType)
            .add("product_id", DataTypes.StringType)
            .add("score", DataTypes.DoubleType)
            .add("model", DataTypes.StringType)
            .add("reason", DataTypes.StringType);

    private Recommender() {
    }

    /** Fits one model. */
    public static RecommendationModel fit(ModelKind kind, TrainingData data, RecommenderConfig config) {
        return fit(kind, PreparedTraining.of(data, config), config);
    }

    /** Fits the given models on one shared confidence table, in the given order. */
    public static List<RecommendationModel> fit(List<ModelKind> kinds, TrainingData data, RecommenderConfig config) {
        PreparedTraining prepared = prepare(data, config);
        List<RecommendationModel> models = new ArrayList<>();
        for (ModelKind kind : kinds) {
            models.add(fit(kind, prepared, config));
        }
        return models;
    }

    /**
     * The confidence table of {@code data}, materialised once: several models fitted on it (one thread each, say)
     * share it through {@link #fit(ModelKind, PreparedTraining, RecommenderConfig)}.
     */
    public static PreparedTraining prepare(TrainingData data, RecommenderConfig config) {
        return PreparedTraining.of(data, config);
    }

    /** Fits one model on a table of {@link #prepare} made with the same {@code config}. */
    public static RecommendationModel fit(ModelKind kind, PreparedTraining prepared, RecommenderConfig config) {
        Objects.requireNonNull(kind, "kind");
        return switch (kind) {
            case GLOBAL_POPULARITY -> new GlobalPopularityModel(prepared);
            case CATEGORY_POPULARITY -> new CategoryPopularityModel(prepared, config);
            case ITEM_COOCCURRENCE -> new ItemCooccurrenceModel(prepared);
            case ALS -> AlsTuning.fit(prepared, config);
        };
    }
}
