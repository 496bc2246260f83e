package io.ecomanalytics.clv;

/**
 * Named RFM segments, assigned from the recency score R and frequency score F (both 1-5, 5 best) with the widely
 * used R x F grid: every one of the 25 cells belongs to exactly one segment.
 *
 * <pre>
 *            F=1            F=2            F=3             F=4        F=5
 * R=5   new customers  potential      potential       champions  champions
 * R=4   promising      potential      potential       loyal      loyal
 * R=3   about to sleep about to sleep need attention  loyal      loyal
 * R=2   hibernating    hibernating    at risk         at risk    cannot lose them
 * R=1   hibernating    hibernating    at risk         at risk    cannot lose them
 * </pre>
 */
public enum Segment {
    CHAMPIONS,
    LOYAL_CUSTOMERS,
    POTENTIAL_LOYALISTS,
    NEW_CUSTOMERS,
    PROMISING,
    NEED_ATTENTION,
    ABOUT_TO_SLEEP,
    AT_RISK,
    CANNOT_LOSE_THEM,
    HIBERNATING;

    /** The segment of a recency score and a frequency score, each 1 to 5. */
    public static Segment of(int recencyScore, int frequencyScore) {
        if (recencyScore < 1 || recencyScore > 5 || frequencyScore < 1 || frequencyScore > 5) {
            throw new IllegalArgumentException("RFM scores must be 1 to 5, got recency " + recencyScore
                    + " and frequency " + frequencyScore);
        }
        if (recencyScore <= 2) {
            return frequencyScore <= 2 ? HIBERNATING : frequencyScore <= 4 ? AT_RISK : CANNOT_LOSE_THEM;
        }
        if (recencyScore == 3) {
            return frequencyScore <= 2 ? ABOUT_TO_SLEEP : frequencyScore == 3 ? NEED_ATTENTION : LOYAL_CUSTOMERS;
        }
        if (frequencyScore == 1) {
            return recencyScore == 4 ? PROMISING : NEW_CUSTOMERS;
        }
        if (frequencyScore <= 3) {
            return POTENTIAL_LOYALISTS;
        }
        return recencyScore == 4 ? LOYAL_CUSTOMERS : CHAMPIONS;
    }
}
