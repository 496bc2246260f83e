package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HypergeometricTest {

    @Test
    void matchesClosedForms() {
        for (double z : new double[] {0.0, 0.1, 0.5, 0.9, 0.99}) {
            // 2F1(1, 1; 2; z) = -ln(1 - z) / z
            double logarithm = z == 0 ? 1.0 : -Math.log1p(-z) / z;
            assertThat(Hypergeometric.gauss(1, 1, 2, z)).isCloseTo(logarithm, within(1e-12 * logarithm));
            // 2F1(a, b; b; z) = (1 - z)^-a
            double power = Math.pow(1 - z, -0.37);
            assertThat(Hypergeometric.gauss(0.37, 2.5, 2.5, z)).isCloseTo(power, within(1e-12 * power));
        }
        // 2F1(1/2, 1/2; 3/2; z^2) = arcsin(z) / z
        assertThat(Hypergeometric.gauss(0.5, 0.5, 1.5, 0.25)).isCloseTo(Math.asin(0.5) / 0.5, within(1e-14));
    }

    @Test
    void eulerTransformationAgreesWithTheDirectSeries() {
        double r = 0.2425945;
        double a = 0.7929199;
        double b = 2.4258881;
        int x = 7;
        double z = 0.4;
        double direct = Math.pow(1 - z, r + x) * Hypergeometric.gauss(r + x, b + x, a + b + x - 1, z);
        double transformed = Math.pow(1 - z, a - 1) * Hypergeometric.gauss(a + b - 1 - r, a - 1, a + b + x - 1, z);
        assertThat(transformed).isCloseTo(direct, within(1e-12));
    }

    @Test
    void largeParametersWhoseTermsOverflowADoubleStillMeetTheClosedForm() {
        // 2F1(A, B; B; z) = (1-z)^-A; with A near 172,548 (a BG/NBD fit with a + b in the hundreds of thousands) the
        // terms peak near e^19000, far beyond a double, while (1-z)^A brings the product back to 1.
        double a = 172_547.8;
        double b = 29_319.3;
        for (double z : new double[] {0.01, 0.05, 0.1}) {
            double[] value = new double[1];
            Hypergeometric.scaledGauss(a, b, b, new double[] {z}, new double[] {a * Math.log1p(-z)}, value);
            assertThat(value[0]).as("z = %s", z).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void refusesArgumentsOutsideTheSeriesDomain() {
        assertThatThrownBy(() -> Hypergeometric.gauss(1, 1, 2, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("2F1(1.0, 1.0; 2.0; z) needs 0 <= z < 1 for its series but z = 1.0");
        assertThatThrownBy(() -> Hypergeometric.gauss(1, 1, -2, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c is a non-positive integer");
    }

    @Test
    void reportsASeriesThatDoesNotConvergeInsteadOfTruncatingIt() {
        assertThatThrownBy(() -> Hypergeometric.gauss(1, 1, 2, 1 - 1e-9))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("did not converge within 2000000 terms");
    }
}
