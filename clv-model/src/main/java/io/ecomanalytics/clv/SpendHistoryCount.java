package io.ecomanalytics.clv;

/**
 * How many repeat customers share one (frequency, mean repeat value) pair; the aggregated input for fitting
 * Gamma-Gamma on large populations (for example a Spark {@code groupBy(frequency, monetary_value).count()}).
 *
 * @param frequency     repeat purchases x, at least 1
 * @param monetaryValue mean repeat purchase value zbar, positive
 * @param customers     number of customers with exactly this pair, at least 1
 */
public record SpendHistoryCount(int frequency, double monetaryValue, long customers) {

    public SpendHistoryCount {
        if (frequency < 1 || !(monetaryValue > 0) || Double.isInfinite(monetaryValue) || customers < 1) {
            throw new IllegalArgumentException("spend history (frequency " + frequency + ", monetary value "
                    + monetaryValue + ", customers " + customers + ") is invalid; Gamma-Gamma uses repeat customers"
                    + " only: frequency and count at least 1, a positive finite monetary value");
        }
    }
}
