package io.ecomanalytics.charts;

/**
 * One customer's holdout purchases, predicted from the calibration period and actual (chart 12).
 *
 * @param predicted the model's expected purchases in the holdout
 * @param actual    the purchases the customer made in the holdout
 */
public record HoldoutPurchases(double predicted, long actual) {

    public HoldoutPurchases {
        Validation.requireNonNegative(predicted, "HoldoutPurchases", "predicted");
        Validation.requireNonNegative(actual, "HoldoutPurchases", "actual");
    }
}
