package io.ecomanalytics.clv;

import java.util.Objects;

/**
 * A customer's calibration-period summary with what the customer then did in the holdout period, for checking
 * predictions against what happened.
 *
 * @param calibration          the summary up to and including the calibration end
 * @param holdoutFrequency     number of purchases (events of the calibration's {@link PurchaseGrouping}) after the
 *                             calibration end, up to and including the holdout end
 * @param holdoutDuration      length of the holdout period in the summary's time unit
 * @param holdoutMonetaryValue mean value of the holdout purchases (0 without any)
 */
public record CalibrationHoldoutSummary(CustomerSummary calibration, int holdoutFrequency, double holdoutDuration,
                                        double holdoutMonetaryValue) {

    public CalibrationHoldoutSummary {
        Objects.requireNonNull(calibration, "calibration");
        if (holdoutFrequency < 0 || !(holdoutDuration > 0.0) || !(holdoutMonetaryValue >= 0.0)) {
            throw new IllegalArgumentException("customer " + calibration.customerId() + ": holdout frequency "
                    + holdoutFrequency + ", duration " + holdoutDuration + " and monetary value "
                    + holdoutMonetaryValue + " must be non-negative, with a positive duration");
        }
    }
}
