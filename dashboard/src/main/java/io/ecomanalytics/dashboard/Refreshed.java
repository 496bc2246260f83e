package io.ecomanalytics.dashboard;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value computed from the stores, kept, and computed again in the background once it is older than its freshness.
 * The aggregations over all transactions and sessions take seconds on a large dataset (more on the embedded
 * MongoDB-protocol server), so a page view must not wait for them: only the first call does; later calls answer at
 * once with the kept value, and the first call after it went stale starts one recomputation on the background
 * executor (stale while revalidating). The data changes only when a load or the stream writes, so figures a little
 * older than the freshness are fine for a dashboard. A failed recomputation keeps the old value and is logged; the
 * next call tries again.
 */
final class Refreshed<T> {
    /** How long the aggregations over all transactions count as fresh. */
    static final Duration AGGREGATIONS = Duration.ofSeconds(30);
    /** How long the figures of a full scan of the sessions table count as fresh. */
    static final Duration SESSION_SCAN = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(Refreshed.class);

    private final String name;
    private final Supplier<T> computation;
    private final long freshNanos;
    private final Executor background;
    private T value;
    private long computedAt;
    private boolean recomputing;

    Refreshed(String name, Supplier<T> computation, Duration freshness, Executor background) {
        this.name = name;
        this.computation = computation;
        this.freshNanos = freshness.toNanos();
        this.background = background;
    }

    /** The kept value; computed now when there is none yet (concurrent callers wait for that one computation). */
    synchronized T get() {
        if (value == null) {
            long start = System.nanoTime();
            value = computation.get();
            computedAt = start;
            return value;
        }
        if (!recomputing && System.nanoTime() - computedAt > freshNanos) {
            recomputing = true;
            try {
                background.execute(this::recompute);
            } catch (RejectedExecutionException e) {
                recomputing = false;
            }
        }
        return value;
    }

    private void recompute() {
        long start = System.nanoTime();
        try {
            T next = computation.get();
            synchronized (this) {
                value = next;
                computedAt = start;
            }
            LOG.debug("Recomputed {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Could not recompute {}; the dashboard keeps the figures of {} s ago: {}", name,
                    (System.nanoTime() - computedAt) / 1_000_000_000, e.getMessage());
        } finally {
            synchronized (this) {
                recomputing = false;
            }
        }
    }
}
