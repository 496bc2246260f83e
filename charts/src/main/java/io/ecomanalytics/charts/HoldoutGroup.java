package io.ecomanalytics.charts;

/**
 * Customers with one calibration frequency and their mean holdout purchases, predicted and actual (chart 11).
 *
 * @param calibrationPurchases the group's repeat purchases in the calibration period, as shown: {@code 3}, {@code 7+}
 * @param customers            customers in the group
 * @param meanPredicted        the model's mean predicted holdout purchases
 * @param meanActual           the mean holdout purchases the customers made
 */
public record HoldoutGroup(String calibrationPurchases, long customers, double meanPredicted, double meanActual) {

    public HoldoutGroup {
        Validation.requireText(calibrationPurchases, "HoldoutGroup", "calibrationPurchases");
        Validation.requireNonNegative(customers, "HoldoutGroup", "customers");
        Validation.requireNonNegative(meanPredicted, "HoldoutGroup", "meanPredicted");
        Validation.requireNonNegative(meanActual, "HoldoutGroup", "meanActual");
    }
}
