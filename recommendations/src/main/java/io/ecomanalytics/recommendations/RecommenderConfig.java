package io.ecomanalytics.recommendations;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the models are fitted with. Start from {@link #defaults()} and change what differs.
 *
 * @param weights            how events turn into confidence
 * @param repeats            whether already bought products may be recommended
 * @param alsGrid            the ALS settings tried; the one with the best NDCG on the validation period wins
 * @param alsIterations      ALS iterations per fit
 * @param validationPeriod   the last part of the training period that scores the ALS candidates
 * @param categoriesPerUser  how many of a customer's top categories the category model draws from
 * @param partitions         partitions of the ALS input (and its user and item blocks)
 * @param checkpointInterval ALS checkpoints its factors every this many iterations (keeps the lineage short)
 * @param checkpointFolder   where ALS checkpoints go (a Hadoop path); empty: a local temporary folder. Either way the
 *                           files are deleted after each fit
 * @param seed               the seed of ALS's initial factors
 */
public record RecommenderConfig(FeedbackWeights weights, RepeatPurchases repeats, List<AlsParameters> alsGrid,
        int alsIterations, Duration validationPeriod, int categoriesPerUser, int partitions, int checkpointInterval,
        Optional<String> checkpointFolder, long seed) {

    /** The small default grid: two candidates, cheap enough for every run. */
    public static final List<AlsParameters> DEFAULT_GRID = List.of(new AlsParameters(10, 0.1, 10),
            new AlsParameters(20, 0.1, 40));

    /** A wider grid for a tuning run: ranks 10-40, three regularisations, three alphas. */
    public static final List<AlsParameters> WIDE_GRID = wideGrid();

    public RecommenderConfig {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(repeats, "repeats");
        alsGrid = List.copyOf(alsGrid);
        Objects.requireNonNull(validationPeriod, "validationPeriod");
        Objects.requireNonNull(checkpointFolder, "checkpointFolder");
        if (alsGrid.isEmpty()) {
            throw new IllegalArgumentException("The ALS grid is empty; give at least one AlsParameters");
        }
        requirePositive(alsIterations, "alsIterations");
        requirePositive(categoriesPerUser, "categoriesPerUser");
        requirePositive(partitions, "partitions");
        requirePositive(checkpointInterval, "checkpointInterval");
        if (validationPeriod.isNegative() || validationPeriod.isZero()) {
            throw new IllegalArgumentException("The validation period must be positive, was " + validationPeriod);
        }
    }

    /**
     * Default weights, repeats excluded, {@link #DEFAULT_GRID}, 5 iterations, a 14-day validation period, the top 3
     * categories, 2 partitions, a checkpoint every 10 iterations (a longer fit than the default's needs one to keep
     * the lineage short), seed 42.
     */
    public static RecommenderConfig defaults() {
        return new RecommenderConfig(FeedbackWeights.defaults(), RepeatPurchases.EXCLUDE, DEFAULT_GRID, 5,
                Duration.ofDays(14), 3, 2, 10, Optional.empty(), 42);
    }

    public RecommenderConfig withWeights(FeedbackWeights newWeights) {
        return new RecommenderConfig(newWeights, repeats, alsGrid, alsIterations, validationPeriod,
                categoriesPerUser, partitions, checkpointInterval, checkpointFolder, seed);
    }

    public RecommenderConfig withRepeats(RepeatPurchases newRepeats) {
        return new RecommenderConfig(weights, newRepeats, alsGrid, alsIterations, validationPeriod,
                categoriesPerUser, partitions, checkpointInterval, checkpointFolder, seed);
    }

    public RecommenderConfig withAlsGrid(List<AlsParameters> newGrid) {
        return new RecommenderConfig(weights, repeats, newGrid, alsIterations, validationPeriod, categoriesPerUser,
                partitions, checkpointInterval, checkpointFolder, seed);
    }

    public RecommenderConfig withAlsIterations(int iterations) {
        return new RecommenderConfig(weights, repeats, alsGrid, iterations, validationPeriod, categoriesPerUser,
                partitions, checkpointInterval, checkpointFolder, seed);
    }

    public RecommenderConfig withValidationPeriod(Duration period) {
        return new RecommenderConfig(weights, repeats, alsGrid, alsIterations, period, categoriesPerUser,
                partitions, checkpointInterval, checkpointFolder, seed);
    }

    public RecommenderConfig withPartitions(int newPartitions) {
        return new RecommenderConfig(weights, repeats, alsGrid, alsIterations, validationPeriod, categoriesPerUser,
                newPartitions, checkpointInterval, checkpointFolder, seed);
    }

    public RecommenderConfig withCheckpointInterval(int interval) {
        return new RecommenderConfig(weights, repeats, alsGrid, alsIterations, validationPeriod, categoriesPerUser,
                partitions, interval, checkpointFolder, seed);
    }

    public RecommenderConfig withCheckpointFolder(String folder) {
        return new RecommenderConfig(weights, repeats, alsGrid, alsIterations, validationPeriod, categoriesPerUser,
                partitions, checkpointInterval, Optional.of(folder), seed);
    }

    public RecommenderConfig withSeed(long newSeed) {
        return new RecommenderConfig(weights, repeats, alsGrid, alsIterations, validationPeriod, categoriesPerUser,
                partitions, checkpointInterval, checkpointFolder, newSeed);
    }

    private static List<AlsParameters> wideGrid() {
        List<AlsParameters> grid = new java.util.ArrayList<>();
        for (int rank : new int[] {10, 20, 40}) {
            for (double regParam : new double[] {0.01, 0.1, 1.0}) {
                for (double alpha : new double[] {1, 10, 40}) {
                    grid.add(new AlsParameters(rank, regParam, alpha));
                }
            }
        }
        return List.copyOf(grid);
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
