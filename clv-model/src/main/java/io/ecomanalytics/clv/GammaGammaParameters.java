package io.ecomanalytics.clv;

import java.io.Serializable;

/**
 * Parameters of the Gamma-Gamma model of spend per transaction (Fader and Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value"): a customer's transaction values are Gamma(p, nu) with nu ~ Gamma(q, gamma) across customers.
 *
 * <p>The conditional expected average transaction value of a customer with x repeat transactions of mean zbar is
 * E[M | x, zbar] = p (gamma + x zbar) / (p x + q - 1), a weighted average of the population mean p gamma / (q - 1)
 * and the customer's own mean; it exists only for q > 1.
 *
 * @param p     shape of the transaction-value gamma distribution
 * @param q     shape of the gamma distribution of the scale nu across customers
 * @param gamma scale of the gamma distribution of nu across customers (money units)
 */
public record GammaGammaParameters(double p, double q, double gamma) implements Serializable {

    public GammaGammaParameters {
        if (!(p > 0 && q > 0 && gamma > 0) || Double.isInfinite(p + q + gamma)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be finite and positive, got p=" + p
                    + ", q=" + q + ", gamma=" + gamma);
        }
    }

    /** Expected average transaction value of a customer with the given repeat frequency and mean repeat value. */
    public double conditionalExpectedAverageValue(int frequency, double monetaryValue) {
        if (!(q > 1)) {
            throw new IllegalStateException("the Gamma-Gamma fit has q = " + q + " <= 1, for which the expected"
                    + " transaction value is infinite; the spend data are too heavy-tailed for this model");
        }
        if (frequency < 0 || !(monetaryValue >= 0) || Double.isInfinite(monetaryValue)) {
            throw new IllegalArgumentException("frequency " + frequency + " and monetary value " + monetaryValue
                    + " must be non-negative and finite");
        }
        return p * (gamma + frequency * monetaryValue) / (p * frequency + q - 1);
    }
}
