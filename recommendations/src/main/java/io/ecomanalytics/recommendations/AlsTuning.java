package io.ecomanalytics.recommendations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
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
    private static final int PARALLEL_FITS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(AlsTuning.class);

    private AlsTuning() {
    }

    static AlsModel fit(PreparedTraining training, RecommenderConfig config) {
        return AlsModel.withCheckpointFolder(training.confidence().sparkSession(), config,
                () -> search(training, config));
    }

    private static AlsModel search(PreparedTraining training, RecommenderConfig config) {
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
                // The candidates' Spark jobs are small and mostly wait on scheduling: two at a time keep the cores
                // busy. The winner is the first of the best, in grid order.
                List<Double> scores = inParallel(config.alsGrid(), candidate -> {
                    AlsModel model = AlsModel.fit(earlier, candidate, config);
                    double ndcg = Evaluation.ndcg(model.recommend(users, K), relevant, K);
                    LOG.info("ALS {}: validation NDCG@{} = {}", candidate, K, ndcg);
                    return ndcg;
                });
                double bestNdcg = -1;
                for (int i = 0; i < scores.size(); i++) {
                    if (scores.get(i) > bestNdcg) {
                        bestNdcg = scores.get(i);
                        best = config.alsGrid().get(i);
                    }
                }
            }
        }
        return AlsModel.fit(training, best, config).withFitTime(Duration.ofNanos(System.nanoTime() - start));
    }

    private static <T, R> List<R> inParallel(List<T> inputs, Function<T, R> job) {
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL_FITS, runnable -> {
            Thread thread = new Thread(runnable, "als-tuning");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(threads.submit(() -> job.apply(input)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("An ALS fit failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fitting the ALS candidates", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
