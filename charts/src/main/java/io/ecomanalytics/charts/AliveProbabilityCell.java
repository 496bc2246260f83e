package io.ecomanalytics.charts;

/**
 * One cell of the BG/NBD "probability alive" grid: the chance that a customer with this purchase history still buys.
 *
 * @param frequency        repeat purchases (purchases after the first)
 * @param recencyDays      days between the customer's first and last purchase
 * @param probabilityAlive P(alive) between 0 and 1
 */
public record AliveProbabilityCell(long frequency, double recencyDays, double probabilityAlive) {

    public AliveProbabilityCell {
        Validation.requireNonNegative(frequency, "AliveProbabilityCell", "frequency");
        Validation.requireNonNegative(recencyDays, "AliveProbabilityCell", "recencyDays");
        Validation.requireFinite(probabilityAlive, "AliveProbabilityCell", "probabilityAlive");
        if (probabilityAlive < 0 || probabilityAlive > 1) {
            throw new IllegalArgumentException("AliveProbabilityCell.probabilityAlive is " + probabilityAlive
                    + " at frequency " + frequency + ", recency " + recencyDays
                    + " days; a probability lies between 0 and 1");
        }
    }
}
