package io.ecomanalytics.clv;

/** The unit in which recency, age T and prediction horizons are measured. */
public enum ClvTimeUnit {
    /** Seven days; the unit of the published CDNOW results. */
    WEEKS(7.0),
    /** One calendar day. */
    DAYS(1.0);

    /** Average Gregorian month length in days (365.25 / 12), used to turn a horizon in months into this unit. */
    private static final double DAYS_PER_MONTH = 365.25 / 12.0;

    private final double days;

    ClvTimeUnit(double days) {
        this.days = days;
    }

    /** Length of one unit in days. */
    public double days() {
        return days;
    }

    /** Number of this unit in one average month (4.348 weeks or 30.44 days). */
    public double perMonth() {
        return DAYS_PER_MONTH / days;
    }
}
