package io.ecomanalytics.runner;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, checking it every quarter of a second (no sleeping on a fixed guess). */
public final class Polling {
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private Polling() {
    }

    /**
     * The first value {@code probe} returns, or an {@link AssertionError} naming {@code what} and the diagnostics when
     * {@code timeout} passes first. A probe may throw an {@link AssertionError} itself to give up early (a process
     * that died, say).
     */
    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Gave up after " + timeout.toSeconds() + " s waiting for " + what + ". "
                        + diagnostics.get());
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
    }
}
