package io.ecomanalytics.clv;

/**
 * Value tiers by percentile of the engagement-weighted score, where a customer's percentile is the share of
 * customers with a strictly lower score: the top 10 % are platinum, the next 20 % gold, the next 30 % silver and
 * the rest bronze (tied customers share a tier).
 */
public enum Tier {
    PLATINUM,
    GOLD,
    SILVER,
    BRONZE;

    /** The tier of a customer whose score is above the given share (0 to 1) of the population. */
    public static Tier ofShareBelow(double shareBelow) {
        if (shareBelow >= 0.9) {
            return PLATINUM;
        }
        if (shareBelow >= 0.7) {
            return GOLD;
        }
        return shareBelow >= 0.4 ? SILVER : BRONZE;
    }
}
