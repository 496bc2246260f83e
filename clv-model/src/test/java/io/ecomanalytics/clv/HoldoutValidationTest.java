package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The holdout check on customers simulated from known BG/NBD and Gamma-Gamma processes (weeks): 39 calibration
 * weeks, 39 holdout weeks, as in the CDNOW analyses. What "actually happened" comes from the simulation.
 */
class HoldoutValidationTest {

    private static final BgNbdParameters PURCHASES = new BgNbdParameters(0.6, 5.0, 0.9, 3.0);
    private static final GammaGammaParameters SPEND = new GammaGammaParameters(6.25, 3.74, 15.44);
    private static final double CALIBRATION_WEEKS = 39;
    private static final double HOLDOUT_WEEKS = 39;
    private static final int CUSTOMERS = 10_000;

    static List<CalibrationHoldoutSummary> customers;
    static HoldoutValidation validation;

    @BeforeAll
    static void simulateAndValidate() {
        customers = simulate(new RandomDataGenerator(7));
        validation = HoldoutValidation.of(customers);
    }

    @Test
    void aggregatePredictedHoldoutPurchasesAreWithinFivePercentOfTheSimulatedOnes() {
        long simulated = customers.stream().mapToLong(CalibrationHoldoutSummary::holdoutFrequency).sum();

        assertThat(validation.actualPurchases()).isEqualTo(simulated);
        assertThat(validation.predictedPurchases()).isCloseTo(simulated, within(0.05 * simulated));
        assertThat(validation.predictedSpend()).isCloseTo(validation.actualSpend(),
                within(0.10 * validation.actualSpend()));
    }

    @Test
    void errorsAndGroupsAreTheArithmeticOfThePredictions() {
        List<HoldoutPrediction> predictions = validation.predictions();
        double absolute = 0;
        double squared = 0;
        for (HoldoutPrediction prediction : predictions) {
            double error = prediction.predictedPurchases() - prediction.actualPurchases();
            absolute += Math.abs(error);
            squared += error * error;
        }
        assertThat(predictions).hasSize(CUSTOMERS);
        assertThat(validation.meanAbsoluteError()).isCloseTo(absolute / CUSTOMERS, within(1e-9));
        assertThat(validation.rootMeanSquaredError()).isCloseTo(Math.sqrt(squared / CUSTOMERS), within(1e-9));

        FrequencyGroup lastGroup = validation.byCalibrationFrequency()
                .get(validation.byCalibrationFrequency().size() - 1);
        List<HoldoutPrediction> frequent = predictions.stream().filter(p -> p.calibrationFrequency() >= 7).toList();
        assertThat(lastGroup.label()).isEqualTo("7+");
        assertThat(lastGroup.customers()).isEqualTo(frequent.size());
        assertThat(lastGroup.meanActual()).isCloseTo(
                frequent.stream().mapToInt(HoldoutPrediction::actualPurchases).average().orElseThrow(), within(1e-9));
    }

    @Test
    void eachFrequencyGroupsMeanIsPredictedWithinItsSamplingError() {
        for (FrequencyGroup group : validation.byCalibrationFrequency()) {
            List<HoldoutPrediction> members = validation.predictions().stream()
                    .filter(p -> Math.min(7, p.calibrationFrequency()) == group.calibrationFrequency()).toList();
            double mean = group.meanActual();
            double variance = members.stream().mapToDouble(p -> Math.pow(p.actualPurchases() - mean, 2)).sum()
                    / Math.max(1, members.size() - 1);
            double standardError = Math.sqrt(variance / members.size());
            assertThat(group.meanPredicted()).as("group %s (%d customers)", group.label(), group.customers())
                    .isCloseTo(mean, within(4 * standardError + 0.05));
        }
    }

    @Test
    void customersWithDifferentHoldoutsCannotBeCheckedTogether() {
        CustomerSummary summary = new CustomerSummary("c", 0, 0, 10, 0);
        List<CalibrationHoldoutSummary> mixed = List.of(new CalibrationHoldoutSummary(summary, 0, 5, 0),
                new CalibrationHoldoutSummary(summary, 1, 6, 10));

        assertThatThrownBy(() -> HoldoutValidation.of(mixed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one holdout period");
    }

    /** Every customer's first purchase at week 0; repeat purchases and dropout over 78 weeks. */
    private static List<CalibrationHoldoutSummary> simulate(RandomDataGenerator random) {
        List<CalibrationHoldoutSummary> simulated = new ArrayList<>(CUSTOMERS);
        for (int i = 0; i < CUSTOMERS; i++) {
            double rate = random.nextGamma(PURCHASES.r(), 1 / PURCHASES.alpha());
            double dropout = random.nextBeta(PURCHASES.a(), PURCHASES.b());
            double spendRate = random.nextGamma(SPEND.q(), 1 / SPEND.gamma());
            double time = 0;
            double last = 0;
            int frequency = 0;
            int holdout = 0;
            double calibrationValue = 0;
            double holdoutValue = 0;
            while (true) {
                time += random.nextExponential(1 / rate);
                if (time > CALIBRATION_WEEKS + HOLDOUT_WEEKS) {
                    break;
                }
                double value = random.nextGamma(SPEND.p(), 1 / spendRate);
                if (time <= CALIBRATION_WEEKS) {
                    frequency++;
                    last = time;
                    calibrationValue += value;
                } else {
                    holdout++;
                    holdoutValue += value;
                }
                if (random.nextDouble() < dropout) {
                    break;
                }
            }
            CustomerSummary calibration = new CustomerSummary("c" + i, frequency, last, CALIBRATION_WEEKS,
                    frequency == 0 ? 0 : calibrationValue / frequency);
            simulated.add(new CalibrationHoldoutSummary(calibration, holdout, HOLDOUT_WEEKS,
                    holdout == 0 ? 0 : holdoutValue / holdout));
        }
        return simulated;
    }
}
