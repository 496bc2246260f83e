package io.ecomanalytics.clv;

/**
 * How many customers share one purchase history; the aggregated input for fitting BG/NBD on large populations
 * (for example a Spark {@code groupBy(frequency, recency, T).count()}).
 *
 * @param frequency repeat purchases x
 * @param recency   t_x
 * @param age       T
 * @param customers number of customers with exactly this history, at least 1
 */
public record CustomerHistoryCount(int frequency, double recency, double age, long customers) {

    public CustomerHistoryCount {
        if (customers < 1) {
            throw new IllegalArgumentException("history (frequency=" + frequency + ", recency=" + recency + ", T="
                    + age + ") has a customer count of " + customers + "; counts must be at least 1");
        }
        CustomerSummary.requireValidHistory("history (" + customers + " customers)", frequency, recency, age);
    }
}
