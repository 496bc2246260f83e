package io.ecomanalytics.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A purchase ({@code transactions.json}).
 *
 * @param transactionId {@code transaction_id}, e.g. {@code txn_0123456789ab}
 * @param sessionId     {@code session_id}; {@code null} for a transaction that did not come from a session
 * @param userId        {@code user_id}
 * @param timestamp     {@code timestamp}
 * @param items         {@code items}
 * @param subtotal      {@code subtotal}, the sum of the item subtotals
 * @param discount      {@code discount}
 * @param total         {@code total}, subtotal minus discount
 * @param paymentMethod {@code payment_method}, one of {@link Vocabulary#PAYMENT_METHODS}
 * @param status        {@code status}, one of {@link Vocabulary#TRANSACTION_STATUSES}
 */
public record Transaction(String transactionId, String sessionId, String userId, Instant timestamp,
                          List<TransactionItem> items, BigDecimal subtotal, BigDecimal discount, BigDecimal total,
                          String paymentMethod, String status) {

    public Transaction {
        items = List.copyOf(items);
    }
}
