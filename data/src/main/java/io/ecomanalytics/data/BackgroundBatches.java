package io.ecomanalytics.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads records and prepares them (parse, validate, map, encode) in batches on a thread of its own, so that a loader
 * prepares the next batch while it writes the current one. At most two prepared batches wait, so memory stays
 * bounded by the batch size.
 *
 * <p>The source is opened, read and closed on the background thread; so is every call of the preparing function,
 * which may therefore keep counters of its own without locks. Those counters are safe to read after
 * {@link #close()}. A preparing function that returns {@code null} leaves the record out of the batch (a loader
 * counts such a record as rejected itself).
 *
 * <pre>{@code
 * try (BackgroundBatches<Transaction, Document> batches = new BackgroundBatches<>("load-transactions",
 *         dataset::transactions, Documents::transaction, 1000)) {
 *     for (var batch = batches.next(); batch != null; batch = batches.next()) {
 *         collection.insertMany(batch.items());
 *     }
 * }
 * }</pre>
 *
 * @param <T> the record type read
 * @param <R> the prepared item type
 */
public final class BackgroundBatches<T, R> implements AutoCloseable {

    /**
     * Prepared items, and how many records the source had yielded up to the last of them (kept or left out).
     *
     * @param <R> the prepared item type
     */
    public record Batch<R>(List<R> items, long consumed) {
    }

    private static final Batch<Object> END = new Batch<>(List.of(), -1);
    private static final long OFFER_TIMEOUT_MILLIS = 100;

    private final BlockingQueue<Batch<?>> queue = new ArrayBlockingQueue<>(2);
    private final Thread thread;
    private volatile RuntimeException failure;
    private volatile boolean cancelled;

    /**
     * Starts reading at once.
     *
     * @param threadName the background thread's name, as it appears in logs and thread dumps
     * @param open opens the source; if what it returns is {@link AutoCloseable}, it is closed after the last record
     * @param prepare turns one record into one item, or {@code null} to leave it out
     * @param batchSize items per batch, at least 1
     */
    public BackgroundBatches(String threadName, Supplier<? extends Iterator<? extends T>> open,
            Function<? super T, ? extends R> prepare, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        thread = new Thread(() -> produce(open, prepare, batchSize), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The next batch, or {@code null} after the last one.
     *
     * @throws RuntimeException what reading or preparing the records threw (e.g. a DatasetFormatException), unchanged
     */
    @SuppressWarnings("unchecked")
    public Batch<R> next() {
        Batch<?> batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the records of " + thread.getName(), e);
        }
        if (batch != END) {
            return (Batch<R>) batch;
        }
        if (failure != null) {
            throw failure;
        }
        return null;
    }

    /** Stops reading (if still reading) and waits until the background thread has closed the source. */
    @Override
    public void close() {
        cancelled = true;
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void produce(Supplier<? extends Iterator<? extends T>> open, Function<? super T, ? extends R> prepare,
            int batchSize) {
        Iterator<? extends T> records = null;
        try {
            records = open.get();
            long consumed = 0;
            long delivered = 0;
            List<R> items = new ArrayList<>(batchSize);
            while (!cancelled && records.hasNext()) {
                R item = prepare.apply(records.next());
                consumed++;
                if (item != null) {
                    items.add(item);
                }
                if (items.size() == batchSize) {
                    offer(new Batch<>(items, consumed));
                    delivered = consumed;
                    items = new ArrayList<>(batchSize);
                }
            }
            if (consumed > delivered) {
                // Also when every record after the last full batch was left out, so that progress reaches the end.
                offer(new Batch<>(items, consumed));
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("Reading records on " + thread.getName() + " failed: " + e, e);
        } finally {
            closeQuietly(records);
            offer(END);
        }
    }

    private void closeQuietly(Iterator<? extends T> records) {
        if (records instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Closing the source of " + thread.getName() + " failed: "
                            + e.getMessage(), e);
                }
            }
        }
    }

    private void offer(Batch<?> batch) {
        try {
            while (!cancelled && !queue.offer(batch, OFFER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                // The consumer is slower than the reader: wait for room, unless it gave up.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        }
    }
}
