package io.ecomanalytics.dashboard;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value computed from the stores, kept, and computed again in the background once it is older than its freshness.
 * The aggregations over all transactions and sessions take seconds on a large dataset (more on the embedded
 * MongoDB-protocol server), so a page view must not wait for them: only the first calls do (they wait for one
 * computation on the background executor, which goes on when a waiting request gives up, so that a computation
 * longer than the store timeout still ends); later calls answer at once with the kept value, and the first call after
 * it went stale starts one recomputation on the background executor (stale while revalidating). A value counts as fresh for its freshness or for {@value #COST_FACTOR} times
 * its last computation, whichever is longer, so that recomputing never takes more than about a tenth of the machine
 * however large the data (a scan of 500,000 transactions on the embedded server takes seconds). The data changes
 * only when a load, a run or the stream writes, so figures a little older are fine for a dashboard. A failed
 * recomputation keeps the old value and is logged; the next call tries again.
 */
final class Refreshed<T> {
    /** How long the aggregations over all transactions count as fresh. */
    static final Duration AGGREGATIONS = Duration.ofSeconds(30);
    /** How long the figures of a full scan of the sessions table count as fresh. */
    static final Duration SESSION_SCAN = Duration.ofMinutes(1);

    /** A value stays fresh for at least this many times its last computation. */
    static final int COST_FACTOR = 10;

    private static final Logger LOG = LoggerFactory.getLogger(Refreshed.class);

    private final String name;
    private final Supplier<T> computation;
    private final long freshNanos;
    private final Executor background;
    private final LongSupplier clock;
    private T value;
    private CompletableFuture<T> firstComputation;
    private long computedAt;
    private long computationNanos;
    private boolean recomputing;

    Refreshed(String name, Supplier<T> computation, Duration freshness, Executor background) {
        this(name, computation, freshness, background, System::nanoTime);
    }

    /** With another clock ({@link System#nanoTime()} by default). */
    Refreshed(String name, Supplier<T> computation, Duration freshness, Executor background, LongSupplier clock) {
        this.name = name;
        this.computation = computation;
        this.freshNanos = freshness.toNanos();
        this.background = background;
        this.clock = clock;
    }

    /**
     * The kept value; when there is none yet, waits for the one computation of it (started by the first caller).
     *
     * @throws RuntimeException what the computation threw (the next call starts another one), or an
     *                          {@link IllegalStateException} when the caller was interrupted while waiting
     */
    T get() {
        CompletableFuture<T> pending;
        synchronized (this) {
            if (value != null) {
                recomputeWhenStale();
                return value;
            }
            if (firstComputation == null || firstComputation.isCompletedExceptionally()) {
                firstComputation = CompletableFuture.supplyAsync(this::computeAndKeep, background);
            }
            pending = firstComputation;
        }
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Could not compute " + name, e.getCause());
        }
    }

    /** Computes the value, keeps it with when and how long it took, and returns it. */
    private T computeAndKeep() {
        long start = clock.getAsLong();
        T next = computation.get();
        long took = clock.getAsLong() - start;
        synchronized (this) {
            value = next;
            computedAt = start;
            computationNanos = took;
        }
        return next;
    }

    private void recomputeWhenStale() {
        long fresh = Math.max(freshNanos, COST_FACTOR * computationNanos);
        if (!recomputing && clock.getAsLong() - computedAt > fresh) {
            recomputing = true;
            try {
                background.execute(this::recompute);
            } catch (RejectedExecutionException e) {
                recomputing = false;
            }
        }
    }

    private void recompute() {
        try {
            computeAndKeep();
            LOG.debug("Recomputed {}", name);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                // The dashboard is closing.
                return;
            }
            LOG.warn("Could not recompute {}; the dashboard keeps the figures of {} s ago: {}", name,
                    (clock.getAsLong() - computedAt) / 1_000_000_000, e.getMessage());
        } finally {
            synchronized (this) {
                recomputing = false;
            }
        }
    }
}
