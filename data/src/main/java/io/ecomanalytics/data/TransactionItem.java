package io.ecomanalytics.data;

import java.math.BigDecimal;

/**
 * One line of a {@link Transaction}.
 *
 * @param productId {@code product_id}
 * @param quantity  {@code quantity}
 * @param unitPrice {@code unit_price}
 * @param subtotal  {@code subtotal}, quantity times unit price
 */
public record TransactionItem(String productId, int quantity, BigDecimal unitPrice, BigDecimal subtotal) {
}
