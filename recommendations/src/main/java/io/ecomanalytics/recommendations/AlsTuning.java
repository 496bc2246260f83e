package io.ecomanalytics.recommendations;

import java.time.Duration;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the ALS setting on a validation split of the training period: each candidate is fitted on the training
 * period minus its last {@link RecommenderConfig#validationPeriod()} and scored by NDCG@{@value #K} on the purchases of
 * that last part; the winner is fitted again on the whole training period. The evaluation period is never looked at.
 */
final class AlsTuning {
    static final int K = 10;
    private static final Logger LOG = LoggerFactory.getLogger(AlsTuning.class);

    private AlsTuning() {
    }

    static AlsModel fit(PreparedTraining training, RecommenderConfig config) {
        long start = System.nanoTime();
        AlsParameters best = config.alsGrid().get(0);
        if (config.alsGrid().size() > 1) {
            Instant validationStart = training.data().trainedUntil().minus(config.validationPeriod());
            TrainingData data = training.data();
            Dataset<Row> relevant = Evaluation.relevant(data.events(),
                    new TimeSplit(validationStart, data.trainedUntil()), config.repeats()).localCheckpoint();
            Dataset<Row> users = relevant.select("user_id").distinct();
            if (users.isEmpty()) {
                LOG.info("No purchases in the ALS validation period; using the first candidate {}", best);
            } else {
                PreparedTraining earlier = PreparedTraining.of(data.until(validationStart, data.affinityPairs()),
                        config);
                double bestNdcg = -1;
                for (AlsParameters candidate : config.alsGrid()) {
                    AlsModel model = AlsModel.fit(earlier, candidate, config);
                    double ndcg = Evaluation.ndcg(model.recommend(users, K), relevant, K);
                    LOG.info("ALS {}: validation NDCG@{} = {}", candidate, K, ndcg);
                    if (ndcg > bestNdcg) {
                        bestNdcg = ndcg;
                        best = candidate;
                    }
                }
            }
        }
        return AlsModel.fit(training, best, config).withFitTime(Duration.ofNanos(System.nanoTime() - start));
    }
}
