package io.ecomanalytics.charts;

/**
 * A learned customer segment's profile (chart 14 and the report's segment table).
 *
 * @param segment      its name, for example {@code segment 1}
 * @param description  its centroid in words, for example {@code buys often, mostly mobile}
 * @param customers    customers in it
 * @param revenueShare its share of all revenue, 0-1
 * @param meanLifetimeValue mean CLV of its customers
 */
public record LearnedSegment(String segment, String description, long customers, double revenueShare,
        double meanLifetimeValue) {

    public LearnedSegment {
        Validation.requireText(segment, "LearnedSegment", "segment");
        Validation.requireText(description, "LearnedSegment", "description");
        Validation.requireNonNegative(customers, "LearnedSegment", "customers");
        Validation.requireNonNegative(revenueShare, "LearnedSegment", "revenueShare");
        Validation.requireFinite(meanLifetimeValue, "LearnedSegment", "meanLifetimeValue");
    }
}
