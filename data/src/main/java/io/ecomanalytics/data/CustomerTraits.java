package io.ecomanalytics.data;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.hipparchus.random.RandomDataGenerator;

/**
 * What a realistic customer is drawn with, from their own stream, before anything happens to them.
 *
 * @param rateVariate      a Gamma(r, 1) draw: the purchase rate per day is this over alpha
 * @param dropout          the probability of leaving for good after each repeat purchase, Beta(a, b)
 * @param spendRate        nu ~ Gamma(q, gamma): order values are Gamma(p, nu), mean p / nu
 * @param established      registered before the window (first purchase in its first week) rather than arriving in it
 * @param arrival          the first purchase, in operational days since the window's start
 * @param registrationDraw a uniform draw placing the registration
 * @param engagementNoise  a log-normal factor (sigma 0.25) of the customer's browsing and engagement
 * @param preferences      category preferences, Dirichlet with every concentration {@code preferenceConcentration}
 */
record CustomerTraits(double rateVariate, double dropout, double spendRate, boolean established, double arrival,
                      double registrationDraw, double engagementNoise, double[] preferences) {

    static CustomerTraits draw(DeterministicRandom random, PlantedParameters parameters, int categories, int days) {
        RandomDataGenerator draws = RandomDataGenerator.of(new SeededRandomGenerator(random));
        double rateVariate = draws.nextGamma(parameters.r(), 1);
        double dropout = draws.nextBeta(parameters.a(), parameters.b());
        double spendRate = draws.nextGamma(parameters.q(), 1 / parameters.gamma());
        boolean established = random.chance(RealisticGenerationRun.ESTABLISHED_SHARE);
        double earliest = RealisticGenerationRun.EARLIEST_ARRIVAL;
        double latest = established ? Math.min(days, RealisticGenerationRun.ESTABLISHED_ARRIVAL_DAYS) : days - 0.01;
        double arrival = earliest + random.nextDouble() * Math.max(0, latest - earliest);
        double registrationDraw = random.nextDouble();
        double engagementNoise = Math.exp(draws.nextNormal(0, 0.25));
        return new CustomerTraits(rateVariate, dropout, spendRate, established, arrival, registrationDraw,
                engagementNoise, dirichlet(draws, parameters.preferenceConcentration(), categories));
    }

    /** A Dirichlet(c, ..., c) draw: independent Gamma(c, 1) draws divided by their sum. */
    static double[] dirichlet(RandomDataGenerator draws, double concentration, int size) {
        double[] weights = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            weights[i] = draws.nextGamma(concentration, 1);
            sum += weights[i];
        }
        for (int i = 0; i < size; i++) {
            weights[i] = sum > 0 ? weights[i] / sum : 1.0 / size;
        }
        return weights;
    }

    /** The customer's expected order value, p / nu. */
    double meanOrderValue(PlantedParameters parameters) {
        return parameters.p() / spendRate;
    }

    /** The indexes of the {@code count} most preferred categories, most preferred first. */
    int[] topCategories(int count) {
        return IntStream.range(0, preferences.length).boxed()
                .sorted(Comparator.comparingDouble((Integer category) -> -preferences[category])
                        .thenComparing(category -> category))
                .limit(count).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The planted segment, first match in {@link PlantedSegment}'s order: churned (dropped out in the window), new
     * (first purchase in the last {@value RealisticGenerationRun#NEW_CUSTOMER_DAYS} days), loyal high-value (rate at
     * least the mean r / alpha, expected order value at least 3/4 of the mean p gamma / (q - 1)), browser (rate below
     * a quarter of the mean), bargain hunter (expected order value below 0.6 of the mean), regular.
     */
    PlantedSegment segment(PurchaseHistory history, PlantedParameters parameters, int days) {
        double relativeRate = rateVariate / parameters.r();
        double relativeValue = meanOrderValue(parameters) / parameters.meanOrderValue();
        if (history.churned()) {
            return PlantedSegment.CHURNED;
        } else if (arrival >= days - RealisticGenerationRun.NEW_CUSTOMER_DAYS) {
            return PlantedSegment.NEW;
        } else if (relativeRate >= 1 && relativeValue >= 0.75) {
            return PlantedSegment.LOYAL_HIGH_VALUE;
        } else if (relativeRate < 0.25) {
            return PlantedSegment.BROWSER;
        } else if (relativeValue < 0.6) {
            return PlantedSegment.BARGAIN_HUNTER;
        }
        return PlantedSegment.REGULAR;
    }
}
