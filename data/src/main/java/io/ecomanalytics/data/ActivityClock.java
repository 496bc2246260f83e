package io.ecomanalytics.data;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Maps the customers' "operational" clock, on which purchases and visits are homogeneous processes, onto calendar
 * time with a daily rhythm, a weekly rhythm and a seasonal swell. The calendar intensity of an hour is
 * {@code hour weight x weekday weight x (1 + SWELL e^(-d^2 / (2 SWELL_WIDTH^2)))}, d the days to the nearest
 * {@link #SWELL_PEAK}; it is constant within the hour and scaled so that the window holds as many operational days as
 * calendar days. The daily and weekly rhythms average 1 over a day and a week, so they move an event by less than a
 * day; only the seasonal swell shifts events by a few days overall.
 */
final class ActivityClock {

    /** Relative activity by hour of day (UTC), midnight first: quiet nights, a lunchtime bump, busy evenings. */
    static final double[] HOUR_WEIGHTS = {0.25, 0.15, 0.10, 0.08, 0.08, 0.15, 0.35, 0.60, 0.85, 1.00, 1.10, 1.20,
            1.35, 1.25, 1.10, 1.05, 1.10, 1.25, 1.50, 1.75, 1.85, 1.65, 1.20, 0.60};
    /** Relative activity by weekday, Monday first: busier towards and at the weekend. */
    static final double[] WEEKDAY_WEIGHTS = {0.85, 0.88, 0.92, 0.97, 1.08, 1.20, 1.10};
    /** Extra activity at the height of the seasonal swell (holiday shopping). */
    static final double SWELL = 0.35;
    /** Standard deviation of the swell, in days. */
    static final double SWELL_WIDTH = 12;
    /** Where the swell peaks each year. */
    static final MonthDay SWELL_PEAK = MonthDay.of(12, 10);

    private static final int HOUR = 3_600;

    private final long startSecond;
    private final int days;
    /** Operational days elapsed at the start of each calendar hour; one more entry than hours. */
    private final double[] operationalAtHour;

    ActivityClock(Instant start, int days) {
        this.startSecond = start.getEpochSecond();
        this.days = days;
        int hours = days * 24;
        double hourMean = Arrays.stream(HOUR_WEIGHTS).average().orElseThrow();
        double weekdayMean = Arrays.stream(WEEKDAY_WEIGHTS).average().orElseThrow();
        double[] cumulative = new double[hours + 1];
        for (int hour = 0; hour < hours; hour++) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(startSecond + (long) hour * HOUR, 0, ZoneOffset.UTC);
            double intensity = HOUR_WEIGHTS[time.getHour()] / hourMean
                    * WEEKDAY_WEIGHTS[time.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()] / weekdayMean
                    * seasonal(time.toLocalDate());
            cumulative[hour + 1] = cumulative[hour] + intensity;
        }
        double scale = days / cumulative[hours];
        for (int hour = 0; hour <= hours; hour++) {
            cumulative[hour] *= scale;
        }
        this.operationalAtHour = cumulative;
    }

    /** The seasonal multiplier of a calendar day. */
    static double seasonal(LocalDate date) {
        long distance = Long.MAX_VALUE;
        for (int year = date.getYear() - 1; year <= date.getYear() + 1; year++) {
            distance = Math.min(distance, Math.abs(ChronoUnit.DAYS.between(date, SWELL_PEAK.atYear(year))));
        }
        return 1 + SWELL * Math.exp(-0.5 * (distance / SWELL_WIDTH) * (distance / SWELL_WIDTH));
    }

    /** The calendar second of an operational time, in days since the window's start (0 to the window's length). */
    long epochSecond(double operationalDays) {
        double clamped = Math.min(Math.max(operationalDays, 0), days);
        int low = 0;
        int high = operationalAtHour.length - 1;
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (operationalAtHour[middle] <= clamped) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double fraction = (clamped - operationalAtHour[low]) / (operationalAtHour[high] - operationalAtHour[low]);
        return startSecond + (long) low * HOUR + (long) Math.floor(fraction * HOUR);
    }
}
