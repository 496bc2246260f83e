package io.ecomanalytics.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value computed from the stores and kept for a while. The aggregations over all transactions take seconds on a
 * large dataset (more on the embedded MongoDB-protocol server), so every page view would otherwise repeat them; the
 * data changes only when a load or the stream writes, so figures up to {@link #KEPT} old are fine for a dashboard.
 * One computation at a time: concurrent requests wait for it instead of repeating it.
 */
final class Expiring<T> {
    static final Duration KEPT = Duration.ofSeconds(30);

    private final Supplier<T> computation;
    private T value;
    private Instant computedAt = Instant.MIN;

    Expiring(Supplier<T> computation) {
        this.computation = computation;
    }

    synchronized T get() {
        Instant now = Instant.now();
        if (value == null || computedAt.plus(KEPT).isBefore(now)) {
            value = computation.get();
            computedAt = now;
        }
        return value;
    }
}
