package io.ecomanalytics.clv;

/**
 * A customer's engagement-weighted composite score.
 *
 * @param customerId the customer's identifier
 * @param score      the score, 0 to 100
 * @param tier       the percentile tier of the score within the scored population
 */
public record CompositeScore(String customerId, double score, Tier tier) {
}
