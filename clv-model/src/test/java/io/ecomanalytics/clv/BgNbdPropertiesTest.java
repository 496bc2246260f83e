package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Properties every BG/NBD prediction must have, checked on a grid of customer histories. */
class BgNbdPropertiesTest {

    private static final BgNbdParameters CDNOW = new BgNbdParameters(0.2425945, 4.4136019, 0.7929199, 2.4258881);
    /** A fit with a > 1, so the a - 1 divisions change sign compared with CDNOW. */
    private static final BgNbdParameters LOYAL = new BgNbdParameters(1.3, 12.0, 2.5, 7.0);

    @Test
    void customersWithoutRepeatPurchasesAreCertainlyAlive() {
        for (double age : new double[] {0.0, 1.0, 38.86, 500.0}) {
            assertThat(CDNOW.probabilityAlive(0, 0.0, age)).isEqualTo(1.0);
            assertThat(LOYAL.probabilityAlive(0, 0.0, age)).isEqualTo(1.0);
        }
    }

    @Test
    void probabilityAliveFollowsTheClosedFormByHand() {
        // 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)) for x = 2, t_x = 30.43, T = 38.86, worked out directly.
        double odds = 0.7929199 / (2.4258881 + 1) * Math.pow((4.4136019 + 38.86) / (4.4136019 + 30.43), 2.2425945);
        assertThat(CDNOW.probabilityAlive(2, 30.43, 38.86)).isCloseTo(1 / (1 + odds), within(1e-12));
    }

    @Test
    void probabilityAliveDoesNotUnderflowForHeavyBuyersWhoStopped() {
        assertThat(CDNOW.probabilityAlive(5_000, 1.0, 1_000.0)).isEqualTo(0.0);
        assertThat(CDNOW.conditionalExpectedPurchases(52, 5_000, 1.0, 1_000.0)).isEqualTo(0.0);
    }

    @Test
    void expectedPurchasesGrowWithTime() {
        for (BgNbdParameters parameters : new BgNbdParameters[] {CDNOW, LOYAL}) {
            double previous = 0.0;
            for (double t = 1; t <= 200; t += 1) {
                double expected = parameters.expectedPurchases(t);
                assertThat(expected).as("E[X(%s)]", t).isGreaterThan(previous);
                previous = expected;
            }
            for (int x : new int[] {0, 1, 5, 40}) {
                double conditionalPrevious = 0.0;
                for (double t = 1; t <= 200; t += 1) {
                    double recency = x == 0 ? 0.0 : 20.0;
                    double expected = parameters.conditionalExpectedPurchases(t, x, recency, 38.0);
                    assertThat(expected).as("E[Y(%s) | x=%s]", t, x).isGreaterThan(conditionalPrevious);
                    conditionalPrevious = expected;
                }
            }
        }
    }

    @Test
    void expectationsAreZeroAtTimeZero() {
        assertThat(CDNOW.expectedPurchases(0)).isZero();
        assertThat(CDNOW.conditionalExpectedPurchases(0, 3, 10, 20)).isZero();
    }

    @Test
    void purchaseProbabilitiesSumToOneAndTheirMeanIsTheExpectation() {
        for (BgNbdParameters parameters : new BgNbdParameters[] {CDNOW, LOYAL}) {
            for (double t : new double[] {1.0, 39.0, 78.0}) {
                double total = 0;
                double mean = 0;
                for (int x = 0; x < 3_000; x++) {
                    double probability = parameters.purchaseProbability(x, t);
                    assertThat(probability).isBetween(0.0, 1.0);
                    total += probability;
                    mean += x * probability;
                }
                assertThat(total).as("sum of P(X(%s) = x)", t).isCloseTo(1.0, within(1e-9));
                // The PMF (equation 8) and E[X(t)] (equation 9, with 2F1) are separate formulas in the paper.
                assertThat(mean).as("mean of X(%s)", t).isCloseTo(parameters.expectedPurchases(t), within(1e-7));
            }
        }
    }

    @Test
    void invalidHistoriesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> CDNOW.probabilityAlive(2, 40.0, 38.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("T < recency means the last purchase falls after the end of the calibration");
        assertThatThrownBy(() -> CDNOW.expectedPurchases(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t = -1.0 must be a finite, non-negative time");
        assertThatThrownBy(() -> new BgNbdParameters(0.2, -1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BG/NBD parameters must be finite and positive, got r=0.2, alpha=-1.0, a=1.0, b=1.0");
    }
}
