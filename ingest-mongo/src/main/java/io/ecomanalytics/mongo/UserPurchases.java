package io.ecomanalytics.mongo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One user's purchase frequency and spend, over all their transactions whatever the status.
 *
 * @param userId        {@code user_id}
 * @param orders        the number of transactions
 * @param spend         the sum of {@code total} (after discounts), to the cent
 * @param firstPurchase the earliest {@code timestamp}
 * @param lastPurchase  the latest {@code timestamp}
 */
public record UserPurchases(String userId, long orders, BigDecimal spend, Instant firstPurchase,
                            Instant lastPurchase) {

    /** Spend per order, to the cent (half up). */
    public BigDecimal averageOrderValue() {
        return spend.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP);
    }
}
