package io.ecomanalytics.clv;

/**
 * The customers with one calibration frequency (the last group: that frequency or more), with their mean holdout
 * purchases predicted and actual: one bar pair of lifetimes' plot_calibration_purchases_vs_holdout_purchases.
 *
 * @param calibrationFrequency repeat purchases in the calibration period; the last group holds this or more
 * @param orMore               whether the group also holds every higher frequency
 * @param customers            customers in the group
 * @param meanPredicted        mean predicted holdout purchases
 * @param meanActual           mean actual holdout purchases
 */
public record FrequencyGroup(int calibrationFrequency, boolean orMore, long customers, double meanPredicted,
                             double meanActual) {

    /** {@code 3} or, for the last group, {@code 7+}. */
    public String label() {
        return calibrationFrequency + (orMore ? "+" : "");
    }
}
