package io.ecomanalytics.runner;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waits for work started on another thread and reports its failure as if it had run on this one. */
final class Completion {
    private Completion() {
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
