package io.ecomanalytics.mongo;

import java.math.BigDecimal;

/**
 * Sales of one category: the items of all transactions, by their product's {@code category_id}.
 *
 * @param categoryId   {@code category_id}
 * @param categoryName the category's {@code name}, or {@code null} when the category is not loaded
 * @param quantity     the sum of {@code items.quantity}
 * @param revenue      the sum of {@code items.subtotal} (before discounts), to the cent
 * @param orders       the transactions with at least one item of the category
 */
public record CategorySales(String categoryId, String categoryName, long quantity, BigDecimal revenue,
                              long orders) {
}
