package io.ecomanalytics.clv;

/**
 * One customer's holdout purchases and spend, predicted from the calibration period beside what happened.
 *
 * @param customerId           the customer's identifier
 * @param calibrationFrequency repeat purchases in the calibration period, x
 * @param predictedPurchases   BG/NBD conditional expected purchases over the holdout length
 * @param actualPurchases      purchases in the holdout period
 * @param predictedSpend       predicted purchases times the Gamma-Gamma conditional expected order value
 * @param actualSpend          the value of the holdout purchases
 */
public record HoldoutPrediction(String customerId, int calibrationFrequency, double predictedPurchases,
                                int actualPurchases, double predictedSpend, double actualSpend) {
}
