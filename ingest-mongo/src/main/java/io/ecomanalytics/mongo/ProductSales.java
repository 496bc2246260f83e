package io.ecomanalytics.mongo;

import java.math.BigDecimal;

/**
 * How much of one product was sold, over all transactions whatever their status.
 *
 * @param productId {@code items.product_id}
 * @param quantity  the sum of {@code items.quantity}
 * @param revenue   the sum of {@code items.subtotal} (before the transaction's discount), to the cent
 * @param orders    the transactions holding the product (lines of one transaction counted once each)
 */
public record ProductSales(String productId, long quantity, BigDecimal revenue, long orders) {
}
