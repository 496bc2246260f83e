package io.ecomanalytics.runner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a command serving until Ctrl-C (or SIGTERM) for {@code run --serve}. On Ctrl-C the JVM does not wait for the
 * main thread, so a shutdown hook ends the wait and then waits for the command to close its stores. Open it before
 * the resources it guards, so that it closes after them.
 */
final class UntilStopped implements AutoCloseable {
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 60;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    private UntilStopped(String name) {
        hook = new Thread(this::stopAndWait, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static UntilStopped install(String name) {
        return new UntilStopped(name);
    }

    /** Blocks until the process is asked to stop. */
    void await() throws InterruptedException {
        stopRequested.await();
    }

    private void stopAndWait() {
        stopRequested.countDown();
        try {
            closed.await(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running the hook; nothing to remove.
        }
    }
}
