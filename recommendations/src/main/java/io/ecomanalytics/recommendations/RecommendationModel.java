package io.ecomanalytics.recommendations;

import java.time.Duration;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A fitted model ({@link Recommender#fit}). */
public interface RecommendationModel {

    /** Which model this is. */
    ModelKind kind();

    /**
     * Each user's top {@code k} products ({@link Recommender#RECOMMENDATION_SCHEMA}): rank 1 is the best, ties on the
     * score are broken by product_id. A user the model knows nothing about gets no rows; a user may get fewer than
     * {@code k} when the model has fewer candidates.
     *
     * @param users a table with a {@code user_id} column
     * @param k     the list length, at least 1
     */
    Dataset<Row> recommend(Dataset<Row> users, int k);

    /** How long fitting took (for ALS: the whole grid search and the final fit). */
    Duration fitTime();

    /** What was chosen while fitting, for the run summary (for ALS the winning rank, regParam and alpha). */
    String description();

    /** The ALS setting the model was fitted with; empty for the other models. */
    default Optional<AlsParameters> alsParameters() {
        return Optional.empty();
    }
}
