package io.ecomanalytics.runner;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work on a thread of its own: started with {@link #onNewThread}, waited for with {@link #join}, which reports a
 * failure as if the work had run on the waiting thread.
 */
final class Completion {
    private Completion() {
    }

    /** Starts {@code work} on a new daemon thread named {@code threadName}; the future completes with its outcome. */
    static <T> CompletableFuture<T> onNewThread(String threadName, Supplier<T> work) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(work.get());
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return outcome;
    }

    /**
     * The result of {@code future}, once there is one.
     *
     * @throws RuntimeException what the work threw, unchanged (an {@link Error} likewise)
     */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
