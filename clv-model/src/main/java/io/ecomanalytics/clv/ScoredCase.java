package io.ecomanalytics.clv;

/**
 * A case a score ranks, with its true class.
 *
 * @param score    the score: higher should mean the positive class
 * @param positive whether the case truly belongs to the positive class
 */
public record ScoredCase(double score, boolean positive) {

    public ScoredCase {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("a score must be a number, got NaN");
        }
    }
}
