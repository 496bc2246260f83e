package io.ecomanalytics.charts;

/**
 * The numbers at the top of the report. Average order value and conversion rate are derived here, so they always
 * agree with the totals shown beside them.
 *
 * @param revenue           total revenue in currency units
 * @param orders            number of orders (transactions)
 * @param customers         number of distinct customers who ordered
 * @param sessions          number of sessions
 * @param convertedSessions sessions that ended in an order
 * @param topCategory       the name of the category with the most revenue; empty when there is none
 */
public record HeadlineFigures(double revenue, long orders, long customers, long sessions, long convertedSessions,
                              String topCategory) {

    public HeadlineFigures {
        Validation.requireFinite(revenue, "HeadlineFigures", "revenue");
        Validation.requireNonNegative(orders, "HeadlineFigures", "orders");
        Validation.requireNonNegative(customers, "HeadlineFigures", "customers");
        Validation.requireNonNegative(sessions, "HeadlineFigures", "sessions");
        Validation.requireNonNegative(convertedSessions, "HeadlineFigures", "convertedSessions");
        if (convertedSessions > sessions) {
            throw new IllegalArgumentException("HeadlineFigures.convertedSessions (" + convertedSessions
                    + ") exceeds sessions (" + sessions + "); count converted sessions among the same sessions");
        }
        if (topCategory == null) {
            throw new IllegalArgumentException("HeadlineFigures.topCategory is null; pass an empty string when no "
                    + "category sold anything");
        }
    }

    /** Revenue per order; {@code NaN} when there are no orders. */
    public double averageOrderValue() {
        return orders == 0 ? Double.NaN : revenue / orders;
    }

    /** Converted sessions as a fraction of all sessions; {@code NaN} when there are no sessions. */
    public double conversionRate() {
        return sessions == 0 ? Double.NaN : convertedSessions / (double) sessions;
    }
}
