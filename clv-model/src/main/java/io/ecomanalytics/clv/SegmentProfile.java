package io.ecomanalytics.clv;

import java.util.List;

/**
 * A learned segment in words and figures.
 *
 * @param segment      its number, 1 for the segment with the largest revenue
 * @param customers    customers in it
 * @param revenueShare its share of all customers' spend, 0-1
 * @param meanClv      mean CLV of its customers
 * @param description  its centroid in words, relative to the population ("buys often, mostly mobile")
 * @param centroid     mean z-score of each {@link SegmentFeature}, in declaration order
 */
public record SegmentProfile(int segment, long customers, double revenueShare, double meanClv, String description,
        List<Double> centroid) {

    public SegmentProfile {
        centroid = List.copyOf(centroid);
    }
}
