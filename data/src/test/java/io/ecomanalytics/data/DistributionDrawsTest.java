package io.ecomanalytics.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

/**
 * The draws the realistic generator makes through {@link SeededRandomGenerator} against the distributions' published
 * means and variances. 200,000 draws; tolerances are about five standard errors of the sample moments.
 */
class DistributionDrawsTest {

    private static final int DRAWS = 200_000;

    private final RandomDataGenerator draws =
            RandomDataGenerator.of(new SeededRandomGenerator(new DeterministicRandom(7)));

    @Test
    void gammaHasMeanShapeTimesScaleAndVarianceShapeTimesScaleSquared() {
        for (double[] shapeAndScale : new double[][] {{0.75, 1}, {4, 1 / 300.0}, {3, 25}}) {
            double shape = shapeAndScale[0];
            double scale = shapeAndScale[1];
            Moments moments = Moments.of(() -> draws.nextGamma(shape, scale));
            double variance = shape * scale * scale;
            assertThat(moments.mean()).as("mean of Gamma(%s, %s)", shape, scale)
                    .isCloseTo(shape * scale, within(5 * Math.sqrt(variance / DRAWS)));
            assertThat(moments.variance()).as("variance of Gamma(%s, %s)", shape, scale)
                    .isCloseTo(variance, within(0.05 * variance));
        }
    }

    @Test
    void betaHasMeanAOverAPlusBAndItsVariance() {
        for (double[] shapes : new double[][] {{1.5, 13.5}, {0.8, 2.5}}) {
            double a = shapes[0];
            double b = shapes[1];
            Moments moments = Moments.of(() -> draws.nextBeta(a, b));
            double variance = a * b / ((a + b) * (a + b) * (a + b + 1));
            assertThat(moments.mean()).as("mean of Beta(%s, %s)", a, b)
                    .isCloseTo(a / (a + b), within(5 * Math.sqrt(variance / DRAWS)));
            assertThat(moments.variance()).as("variance of Beta(%s, %s)", a, b)
                    .isCloseTo(variance, within(0.05 * variance));
        }
    }

    @Test
    void dirichletComponentsAreBetaWithMeanOneOverKAndTheyAddUpToOne() {
        int categories = 15;
        double concentration = 0.35;
        double total = categories * concentration;
        double[] sum = new double[categories];
        double[] squares = new double[categories];
        int draws = DRAWS / 4;
        for (int i = 0; i < draws; i++) {
            double[] weights = CustomerTraits.dirichlet(this.draws, concentration, categories);
            double check = 0;
            for (int k = 0; k < categories; k++) {
                sum[k] += weights[k];
                squares[k] += weights[k] * weights[k];
                check += weights[k];
            }
            assertThat(check).isCloseTo(1.0, within(1e-12));
        }
        // Each component of Dirichlet(c, ..., c) is Beta(c, (K - 1) c): mean 1/K, variance (K-1) / (K^2 (Kc + 1)).
        double variance = (categories - 1) / ((double) categories * categories * (total + 1));
        for (int k = 0; k < categories; k++) {
            double mean = sum[k] / draws;
            assertThat(mean).isCloseTo(1.0 / categories, within(5 * Math.sqrt(variance / draws)));
            assertThat(squares[k] / draws - mean * mean).isCloseTo(variance, within(0.06 * variance));
        }
    }

    @Test
    void sameSeedGivesTheSameDraws() {
        RandomDataGenerator again = RandomDataGenerator.of(new SeededRandomGenerator(new DeterministicRandom(7)));
        for (int i = 0; i < 1_000; i++) {
            assertThat(again.nextGamma(0.75, 1)).isEqualTo(draws.nextGamma(0.75, 1));
            assertThat(again.nextBeta(1.5, 6)).isEqualTo(draws.nextBeta(1.5, 6));
        }
    }

    private record Moments(double mean, double variance) {
        static Moments of(java.util.function.DoubleSupplier draw) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < DRAWS; i++) {
                double value = draw.getAsDouble();
                sum += value;
                squares += value * value;
            }
            double mean = sum / DRAWS;
            return new Moments(mean, squares / DRAWS - mean * mean);
        }
    }
}
