package io.ecomanalytics.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A holdout check of the CLV models, the way users of the {@code lifetimes} library validate theirs: BG/NBD and
 * Gamma-Gamma are fitted on the calibration period only, each customer's purchases over the holdout length are
 * predicted (BG/NBD conditional expected purchases) and valued (times the Gamma-Gamma conditional expected order
 * value), and the predictions are compared with what the customers did in the holdout.
 *
 * @param purchaseFit           BG/NBD fitted on the calibration period
 * @param spendFit              Gamma-Gamma fitted on the calibration period
 * @param holdoutDuration       the holdout length in the summaries' time unit
 * @param predictedPurchases    predicted holdout purchases, summed over the calibration cohort
 * @param actualPurchases       actual holdout purchases of the cohort, counted like the calibration's
 * @param predictedSpend        predicted holdout spend of the cohort
 * @param actualSpend           actual holdout spend of the cohort
 * @param meanAbsoluteError     per-customer mean absolute error of the holdout purchases
 * @param rootMeanSquaredError  per-customer root mean squared error of the holdout purchases
 * @param byCalibrationFrequency mean holdout purchases by calibration frequency 0 to {@value #LAST_FREQUENCY}+
 * @param predictions           every customer's prediction and outcome, in input order
 */
public record HoldoutValidation(BgNbdFit purchaseFit, GammaGammaFit spendFit, double holdoutDuration,
                                double predictedPurchases, long actualPurchases, double predictedSpend,
                                double actualSpend, double meanAbsoluteError, double rootMeanSquaredError,
                                List<FrequencyGroup> byCalibrationFrequency, List<HoldoutPrediction> predictions) {

    /** Calibration frequencies from this one up share the last group, as in lifetimes' calibration plot. */
    public static final int LAST_FREQUENCY = 7;

    public HoldoutValidation {
        byCalibrationFrequency = List.copyOf(byCalibrationFrequency);
        predictions = List.copyOf(predictions);
    }

    /**
     * Fits both models on the customers' calibration summaries and predicts their holdout purchases and spend.
     *
     * @param customers the calibration cohort, each with what it did in the holdout; one holdout length for all
     * @throws IllegalArgumentException when the list is empty or the customers' holdout lengths differ
     */
    public static HoldoutValidation of(List<CalibrationHoldoutSummary> customers) {
        Objects.requireNonNull(customers, "customers");
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("a holdout check needs at least one customer who bought in the"
                    + " calibration period; choose a later calibration end");
        }
        double duration = customers.get(0).holdoutDuration();
        List<CustomerSummary> calibration = new ArrayList<>(customers.size());
        for (CalibrationHoldoutSummary customer : customers) {
            if (customer.holdoutDuration() != duration) {
                throw new IllegalArgumentException("customer " + customer.calibration().customerId()
                        + " has a holdout of " + customer.holdoutDuration() + " but the first customer one of "
                        + duration + "; every customer of a holdout check shares the one holdout period");
            }
            calibration.add(customer.calibration());
        }
        BgNbdFit purchaseFit = BgNbdFitter.fit(calibration);
        GammaGammaFit spendFit = GammaGammaFitter.fit(calibration);
        List<HoldoutPrediction> predictions = new ArrayList<>(customers.size());
        for (CalibrationHoldoutSummary customer : customers) {
            CustomerSummary summary = customer.calibration();
            double purchases = purchaseFit.parameters().conditionalExpectedPurchases(duration, summary);
            double orderValue = spendFit.parameters().conditionalExpectedAverageValue(summary.frequency(),
                    summary.monetaryValue());
            predictions.add(new HoldoutPrediction(summary.customerId(), summary.frequency(), purchases,
                    customer.holdoutFrequency(), purchases * orderValue,
                    customer.holdoutFrequency() * customer.holdoutMonetaryValue()));
        }
        return summarise(purchaseFit, spendFit, duration, predictions);
    }

    private static HoldoutValidation summarise(BgNbdFit purchaseFit, GammaGammaFit spendFit, double duration,
                                               List<HoldoutPrediction> predictions) {
        double predictedPurchases = 0;
        long actualPurchases = 0;
        double predictedSpend = 0;
        double actualSpend = 0;
        double absoluteErrors = 0;
        double squaredErrors = 0;
        long[] groupCustomers = new long[LAST_FREQUENCY + 1];
        double[] groupPredicted = new double[LAST_FREQUENCY + 1];
        double[] groupActual = new double[LAST_FREQUENCY + 1];
        for (HoldoutPrediction prediction : predictions) {
            double error = prediction.predictedPurchases() - prediction.actualPurchases();
            predictedPurchases += prediction.predictedPurchases();
            actualPurchases += prediction.actualPurchases();
            predictedSpend += prediction.predictedSpend();
            actualSpend += prediction.actualSpend();
            absoluteErrors += Math.abs(error);
            squaredErrors += error * error;
            int group = Math.min(LAST_FREQUENCY, prediction.calibrationFrequency());
            groupCustomers[group]++;
            groupPredicted[group] += prediction.predictedPurchases();
            groupActual[group] += prediction.actualPurchases();
        }
        List<FrequencyGroup> groups = new ArrayList<>();
        for (int group = 0; group <= LAST_FREQUENCY; group++) {
            if (groupCustomers[group] > 0) {
                groups.add(new FrequencyGroup(group, group == LAST_FREQUENCY, groupCustomers[group],
                        groupPredicted[group] / groupCustomers[group], groupActual[group] / groupCustomers[group]));
            }
        }
        int customers = predictions.size();
        return new HoldoutValidation(purchaseFit, spendFit, duration, predictedPurchases, actualPurchases,
                predictedSpend, actualSpend, absoluteErrors / customers, Math.sqrt(squaredErrors / customers),
                groups, predictions);
    }

    /** Customers in the calibration cohort. */
    public long customers() {
        return predictions.size();
    }

    /** (predicted - actual) / actual holdout purchases: 0.05 means the model predicted 5 % too many. */
    public double purchaseError() {
        return (predictedPurchases - actualPurchases) / actualPurchases;
    }

    /** (predicted - actual) / actual holdout spend. */
    public double spendError() {
        return (predictedSpend - actualSpend) / actualSpend;
    }
}
