package io.ecomanalytics.clv;

import java.util.Objects;

/**
 * What a customer bought and how engaged the customer was, the input of the composite scores.
 *
 * @param customerId            the customer's identifier
 * @param totalSpent            total money spent, 0 or more
 * @param purchaseCount         number of purchases, 0 or more
 * @param sessionCount          number of sessions, 0 or more (a customer without sessions has 0, never null:
 *                              use {@link #withoutSessions})
 * @param averageSessionSeconds mean session duration in seconds, 0 without sessions
 * @param conversionRate        share of sessions that ended in a purchase, 0 to 1 (0 without sessions)
 */
public record CustomerActivity(String customerId, double totalSpent, long purchaseCount, long sessionCount,
                               double averageSessionSeconds, double conversionRate) {

    public CustomerActivity {
        Objects.requireNonNull(customerId, "customerId");
        if (!(totalSpent >= 0) || Double.isInfinite(totalSpent) || purchaseCount < 0 || sessionCount < 0
                || !(averageSessionSeconds >= 0) || Double.isInfinite(averageSessionSeconds)
                || !(conversionRate >= 0 && conversionRate <= 1)) {
            throw new IllegalArgumentException("customer " + customerId + ": activity (total spent " + totalSpent
                    + ", purchases " + purchaseCount + ", sessions " + sessionCount + ", average session seconds "
                    + averageSessionSeconds + ", conversion rate " + conversionRate + ") is invalid; amounts and"
                    + " counts must be finite and not negative and the conversion rate must lie in [0, 1]");
        }
    }

    /** Activity of a customer with purchases but no recorded sessions: 0 sessions, 0 duration, 0 conversion. */
    public static CustomerActivity withoutSessions(String customerId, double totalSpent, long purchaseCount) {
        return new CustomerActivity(customerId, totalSpent, purchaseCount, 0, 0.0, 0.0);
    }
}
