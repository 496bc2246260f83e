package io.ecomanalytics.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Submits independent Spark jobs from a few driver threads at once. Many of the pipeline's jobs are small (an analytic
 * of a few hundred rows, one collection of a store), so their time goes to driver-side planning and scheduling more
 * than to tasks; running a few side by side keeps the executors' cores busy. Spark's scheduler is thread-safe and
 * meant for this.
 */
final class ConcurrentJobs {
    /** Enough to overlap driver work with tasks; more only queues more tasks for the same cores. */
    static final int DRIVER_THREADS = 3;

    private ConcurrentJobs() {
    }

    /**
     * Applies {@code job} to every input on {@link #DRIVER_THREADS} threads and returns the results in input order.
     *
     * @throws RuntimeException the first failure in input order, unchanged (jobs not started by then never start)
     */
    static <K, V> Map<K, V> each(List<K> inputs, Function<K, V> job) {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(DRIVER_THREADS, Math.max(1, inputs.size())),
                runnable -> {
                    Thread thread = new Thread(runnable, "spark-jobs-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<V>> futures = new ArrayList<>(inputs.size());
            for (K input : inputs) {
                futures.add(threads.submit(() -> job.apply(input)));
            }
            Map<K, V> results = new LinkedHashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                results.put(inputs.get(i), await(futures.get(i)));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static <V> V await(Future<V> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Spark jobs", e);
        }
    }
}
