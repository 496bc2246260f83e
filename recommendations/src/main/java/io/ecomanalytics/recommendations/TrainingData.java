package io.ecomanalytics.recommendations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the models learn from.
 *
 * @param events        {@link ImplicitFeedback#events} up to {@code trainedUntil}
 * @param catalogue     {@link ProductCatalogue#from}
 * @param affinityPairs the {@code product_affinity} analytic ({@code io.ecomanalytics.transforms.ProductAffinity
 *                      #topPairs}) over the same period's transaction items
 * @param trainedUntil  the end of the training period; recency decay counts ages from here
 */
public record TrainingData(Dataset<Row> events, Dataset<Row> catalogue, Dataset<Row> affinityPairs,
        Instant trainedUntil) {

    public TrainingData {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(affinityPairs, "affinityPairs");
        Objects.requireNonNull(trainedUntil, "trainedUntil");
    }

    /** These data with the events restricted to those at or before {@code end}, which becomes the training end. */
    TrainingData until(Instant end, Dataset<Row> pairsOfThePeriod) {
        return new TrainingData(events.filter(col("timestamp").leq(lit(Timestamp.from(end)))), catalogue,
                pairsOfThePeriod, end);
    }
}
