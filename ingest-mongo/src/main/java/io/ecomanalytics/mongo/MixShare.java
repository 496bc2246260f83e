package io.ecomanalytics.mongo;

import java.math.BigDecimal;

/**
 * One value of a categorical field of the transactions ({@code payment_method} or {@code status}) and its weight.
 *
 * @param value        the field's value, e.g. {@code paypal}
 * @param transactions the transactions with that value
 * @param revenue      the sum of their {@code total}, to the cent
 * @param share        {@code transactions} over all transactions, 0 to 1
 */
public record MixShare(String value, long transactions, BigDecimal revenue, double share) {
}
