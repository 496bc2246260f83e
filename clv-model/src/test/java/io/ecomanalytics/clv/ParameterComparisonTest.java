package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Planted parameters beside a fit, and BG/NBD parameters across time units. */
class ParameterComparisonTest {

    @Test
    void alphaScalesWithTheTimeUnitAndTheShapesDoNot() {
        BgNbdParameters weekly = new BgNbdParameters(0.24, 4.41, 0.79, 2.43);

        BgNbdParameters daily = weekly.inUnit(ClvTimeUnit.WEEKS, ClvTimeUnit.DAYS);

        assertThat(daily.alpha()).isCloseTo(4.41 * 7, within(1e-12));
        assertThat(List.of(daily.r(), daily.a(), daily.b())).containsExactly(0.24, 0.79, 2.43);
        // The same customers in either unit: 10 weeks are 70 days.
        assertThat(daily.expectedPurchases(70)).isCloseTo(weekly.expectedPurchases(10), within(1e-9));
        assertThat(daily.probabilityAlive(3, 35, 70)).isCloseTo(weekly.probabilityAlive(3, 5, 10), within(1e-12));
    }

    @Test
    void aPlantedValueCountsAsRecoveredWithinThreeStandardErrors() {
        BgNbdFit fit = new BgNbdFit(new BgNbdParameters(1, 10, 2, 5),
                new BgNbdFit.StandardErrors(0.1, 1, 0.5, Double.NaN), -100, 50);

        List<ParameterComparison> comparisons = ParameterComparison.of(new BgNbdParameters(1.29, 13.5, 0.4, 5), fit);

        assertThat(comparisons).extracting(ParameterComparison::parameter)
                .containsExactly(ModelParameter.R, ModelParameter.ALPHA, ModelParameter.A, ModelParameter.B);
        assertThat(comparisons).extracting(ParameterComparison::withinThreeStandardErrors)
                .containsExactly(true, false, false, false);
        assertThat(comparisons.get(0).standardErrorsAway()).isCloseTo(2.9, within(1e-9));
    }
}
