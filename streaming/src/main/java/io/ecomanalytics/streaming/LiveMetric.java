package io.ecomanalytics.streaming;

import java.time.Duration;

/** The live metrics of {@code live_metrics}, each over tumbling event-time windows of its own length. */
public enum LiveMetric {
    /** Sum of item subtotals per product category, in currency units rounded to cents. */
    REVENUE_BY_CATEGORY("revenue_by_category", Duration.ofMinutes(1)),
    /** Number of transactions. */
    ORDERS("orders", Duration.ofMinutes(1)),
    /** Distinct users with a transaction or a session ending in the window. */
    ACTIVE_USERS("active_users", Duration.ofMinutes(1)),
    /** Converted sessions / sessions ending in the window, a fraction 0..1. */
    CONVERSION_RATE("conversion_rate", Duration.ofMinutes(5));

    private final String wireName;
    private final Duration window;

    LiveMetric(String wireName, Duration window) {
        this.wireName = wireName;
        this.window = window;
    }

    /** The value of the documents' {@code metric} field. */
    public String wireName() {
        return wireName;
    }

    /** The window length. */
    public Duration window() {
        return window;
    }

    /** The metric of a wire name. */
    public static LiveMetric fromWireName(String name) {
        for (LiveMetric metric : values()) {
            if (metric.wireName.equals(name)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("Unknown live metric '" + name + "'");
    }
}
