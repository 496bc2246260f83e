package io.ecomanalytics.mongo;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The transactions of one UTC day.
 *
 * @param day     the UTC date of {@code timestamp}
 * @param orders  the number of transactions
 * @param revenue the sum of {@code total} (after discounts), to the cent
 */
public record DailySales(LocalDate day, long orders, BigDecimal revenue) {
}
