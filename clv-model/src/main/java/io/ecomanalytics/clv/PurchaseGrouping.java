package io.ecomanalytics.clv;

/**
 * What counts as one purchase in an RFM summary. The BG/NBD model counts purchase events in continuous time; how
 * the log's lines become those events is a choice that has to match the data's time resolution.
 */
public enum PurchaseGrouping {
    /**
     * Every purchase counts on its own, at its exact time: frequency is the number of repeat purchases, recency and
     * T run from the first purchase's time in fractional units, and the monetary value is the mean repeat purchase.
     * For logs with timestamps, where one customer may buy more than once a day.
     */
    EXACT_TIME,
    /**
     * Purchases are grouped by UTC day (the {@code lifetimes} convention, summary_data_from_transaction_data): the
     * purchases of one day are one purchase worth their sum, and recency and T are whole days between purchase days.
     * For logs resolved to days, such as CDNOW, whose published results use it.
     */
    CALENDAR_DAY
}
