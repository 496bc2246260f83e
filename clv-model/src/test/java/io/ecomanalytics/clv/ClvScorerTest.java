package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClvScorerTest {

    private static final BgNbdParameters PURCHASES = new BgNbdParameters(0.2425945, 4.4136019, 0.7929199, 2.4258881);
    private static final GammaGammaParameters SPEND = new GammaGammaParameters(6.25, 3.74, 15.44);
    private static final CustomerSummary REPEAT = new CustomerSummary("1", 2, 30.43, 38.86, 22.35);
    private static final CustomerSummary ONE_TIME = new CustomerSummary("3", 0, 0.0, 38.86, 0.0);

    @Test
    void clvFallsAsTheDiscountRateRises() {
        for (CustomerSummary customer : new CustomerSummary[] {REPEAT, ONE_TIME}) {
            double previous = Double.POSITIVE_INFINITY;
            for (double rate = 0.0; rate <= 0.2; rate += 0.01) {
                double clv = new ClvScorer(PURCHASES, SPEND, ClvTimeUnit.WEEKS, 12, rate).score(customer)
                        .customerLifetimeValue();
                assertThat(clv).as("CLV at %s", rate).isPositive().isLessThan(previous);
                previous = clv;
            }
        }
    }

    @Test
    void undiscountedClvIsExpectedPurchasesTimesExpectedOrderValue() {
        CustomerPrediction prediction = new ClvScorer(PURCHASES, SPEND, ClvTimeUnit.WEEKS, 9, 0.0).score(REPEAT);
        double horizon = 9 * 365.25 / 12 / 7;
        double purchases = PURCHASES.conditionalExpectedPurchases(horizon, 2, 30.43, 38.86);
        // p (gamma + x zbar) / (p x + q - 1), worked out by hand.
        double orderValue = 6.25 * (15.44 + 2 * 22.35) / (6.25 * 2 + 3.74 - 1);
        assertThat(prediction.expectedPurchases()).isCloseTo(purchases, within(1e-12));
        assertThat(prediction.expectedAverageOrderValue()).isCloseTo(orderValue, within(1e-12));
        assertThat(prediction.customerLifetimeValue()).isCloseTo(purchases * orderValue, within(1e-9));
        assertThat(prediction.probabilityAlive()).isCloseTo(PURCHASES.probabilityAlive(REPEAT), within(0.0));
    }

    @Test
    void oneMonthClvIsDiscountedOnce() {
        ClvScorer scorer = new ClvScorer(PURCHASES, SPEND, ClvTimeUnit.DAYS, 1, 0.05);
        BgNbdParameters daily = new BgNbdParameters(0.2425945, 4.4136019 * 7, 0.7929199, 2.4258881);
        ClvScorer dailyScorer = new ClvScorer(daily, SPEND, ClvTimeUnit.DAYS, 1, 0.05);
        CustomerSummary inDays = new CustomerSummary("1", 2, 30.43 * 7, 38.86 * 7, 22.35);
        double month = 365.25 / 12;
        double expected = daily.conditionalExpectedPurchases(month, inDays)
                * SPEND.conditionalExpectedAverageValue(2, 22.35) / 1.05;
        assertThat(dailyScorer.score(inDays).customerLifetimeValue()).isCloseTo(expected, within(1e-9));
        assertThat(scorer.horizon()).isCloseTo(month, within(1e-12));
    }

    @Test
    void populationMeanOrderValueForCustomersWithoutRepeatPurchases() {
        assertThat(SPEND.conditionalExpectedAverageValue(0, 0.0)).isCloseTo(6.25 * 15.44 / 2.74, within(1e-12));
    }

    @Test
    void rejectsMeaninglessSettings() {
        assertThatThrownBy(() -> new ClvScorer(PURCHASES, SPEND, ClvTimeUnit.WEEKS, 0, 0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("horizon of 0 months; it must be at least 1 month");
        assertThatThrownBy(() -> new ClvScorer(PURCHASES, SPEND, ClvTimeUnit.WEEKS, 12, -0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monthly discount rate -0.01 must be a finite number, 0 or more (0.01 means 1 % a month)");
        assertThatThrownBy(() -> new GammaGammaParameters(1, 0.5, 1).conditionalExpectedAverageValue(1, 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the Gamma-Gamma fit has q = 0.5 <= 1, for which the expected");
    }
}
