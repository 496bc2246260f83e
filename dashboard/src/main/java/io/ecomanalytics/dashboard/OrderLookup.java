package io.ecomanalytics.dashboard;

/**
 * How a customer page finds the customer's orders among all transactions.
 */
public enum OrderLookup {
    /**
     * A query on {@code transactions.user_id}, answered by the index that {@code MongoStore.createSchema()} creates:
     * always current, and the right choice for a real MongoDB.
     */
    USER_ID_INDEX,
    /**
     * A map from user id to transaction ids, built by one scan of the transactions and recomputed in the background
     * like the aggregations (so an order shows after at most about 30 s); the orders are then read by {@code _id}.
     * For the embedded MongoDB-protocol server, which accepts the {@code user_id} index but does not keep it, so that
     * the query would scan every transaction on each page view. Costs about 100 bytes of heap per transaction.
     */
    IN_MEMORY_MAP
}
