package io.ecomanalytics.recommendations;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Train on everything at or before {@code trainingEnd}, evaluate on what each customer bought after it, up to
 * {@code evaluationEnd}.
 */
public record TimeSplit(Instant trainingEnd, Instant evaluationEnd) {

    public TimeSplit {
        Objects.requireNonNull(trainingEnd, "trainingEnd");
        Objects.requireNonNull(evaluationEnd, "evaluationEnd");
        if (!evaluationEnd.isAfter(trainingEnd)) {
            throw new IllegalArgumentException("The evaluation period must end after the training period: training"
                    + " ends " + trainingEnd + ", evaluation ends " + evaluationEnd);
        }
    }

    /** The last {@code period} before {@code end} is the evaluation period (the default period is 14 days). */
    public static TimeSplit last(Duration period, Instant end) {
        return new TimeSplit(end.minus(period), end);
    }
}
