package io.ecomanalytics.clv;

/**
 * A customer's RFM scores (1-5, 5 best) and segment.
 *
 * @param customerId     the customer's identifier
 * @param recencyScore   5 for the most recent buyers (smallest T - t_x)
 * @param frequencyScore 5 for the most frequent buyers
 * @param monetaryScore  5 for the highest mean repeat value
 * @param segment        the segment of the recency and frequency scores
 */
public record SegmentedCustomer(String customerId, int recencyScore, int frequencyScore, int monetaryScore,
                                Segment segment) {
}
