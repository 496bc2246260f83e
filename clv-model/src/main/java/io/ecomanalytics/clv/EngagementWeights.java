package io.ecomanalytics.clv;

/**
 * Relative weights of the three parts of the engagement-weighted score; only their ratios matter.
 *
 * @param monetary   weight of total spent
 * @param frequency  weight of the purchase count
 * @param engagement weight of engagement (sessions, average duration, conversion rate)
 */
public record EngagementWeights(double monetary, double frequency, double engagement) {

    /** Half monetary, 30 % frequency, 20 % engagement. */
    public static final EngagementWeights DEFAULT = new EngagementWeights(0.5, 0.3, 0.2);

    public EngagementWeights {
        if (!(monetary >= 0 && frequency >= 0 && engagement >= 0) || !(monetary + frequency + engagement > 0)
                || Double.isInfinite(monetary + frequency + engagement)) {
            throw new IllegalArgumentException("engagement weights (monetary " + monetary + ", frequency "
                    + frequency + ", engagement " + engagement + ") must be finite, not negative, and not all 0");
        }
    }
}
