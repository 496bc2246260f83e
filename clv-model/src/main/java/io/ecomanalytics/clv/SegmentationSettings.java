package io.ecomanalytics.clv;

/**
 * How the segment search runs.
 *
 * @param fewestClusters         smallest k tried (at least 2)
 * @param mostClusters           largest k tried
 * @param mostSampledCustomers   the search fits on a seeded sample of at most this many customers; the chosen model
 *                               is fitted again on everyone when the sample is smaller
 * @param mostIterations         iteration bound of every fit
 * @param mostProjectedCustomers customers placed on the principal components for the scatter
 * @param seed                   seed of the sample and the fits
 */
public record SegmentationSettings(int fewestClusters, int mostClusters, int mostSampledCustomers,
        int mostIterations, int mostProjectedCustomers, long seed) {

    /** k over 2..10, at most 20,000 customers in the search, 20 iterations, 3,000 plotted customers, seed 42. */
    public static final SegmentationSettings DEFAULT = new SegmentationSettings(2, 10, 20_000, 20, 3_000, 42);

    public SegmentationSettings {
        if (fewestClusters < 2 || mostClusters < fewestClusters) {
            throw new IllegalArgumentException("the segment search needs 2 <= fewest clusters <= most clusters, got "
                    + fewestClusters + " and " + mostClusters);
        }
        if (mostSampledCustomers < mostClusters || mostIterations < 1 || mostProjectedCustomers < 0) {
            throw new IllegalArgumentException("the segment search needs at least as many sampled customers as"
                    + " clusters and at least one iteration, got " + mostSampledCustomers + " customers and "
                    + mostIterations + " iterations");
        }
    }
}
