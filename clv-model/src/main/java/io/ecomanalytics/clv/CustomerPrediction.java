package io.ecomanalytics.clv;

/**
 * What the fitted models predict for one customer over the scoring horizon.
 *
 * @param customerId                the customer's identifier
 * @param frequency                 repeat purchases in the calibration period
 * @param recency                   t_x, in the summary's time unit
 * @param age                       T, in the summary's time unit
 * @param monetaryValue             mean repeat purchase value in the calibration period
 * @param expectedPurchases         BG/NBD conditional expected purchases over the horizon
 * @param probabilityAlive          BG/NBD probability that the customer is still active
 * @param expectedAverageOrderValue Gamma-Gamma conditional expected value per purchase
 * @param customerLifetimeValue     discounted expected revenue over the horizon (see {@link ClvScorer})
 */
public record CustomerPrediction(String customerId, int frequency, double recency, double age, double monetaryValue,
                                 double expectedPurchases, double probabilityAlive,
                                 double expectedAverageOrderValue, double customerLifetimeValue) {
}
