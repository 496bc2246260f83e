package io.ecomanalytics.transforms;

/** The time unit of recency and T in {@link CustomerSummaryTable#forClv}. */
public enum SummaryPeriod {
    /** Whole UTC days. */
    DAYS(1),
    /** Weeks of seven days (fractional: 10 days are 1.4285... weeks). */
    WEEKS(7);

    private final int days;

    SummaryPeriod(int days) {
        this.days = days;
    }

    /** The length of one period in days. */
    public int days() {
        return days;
    }
}
