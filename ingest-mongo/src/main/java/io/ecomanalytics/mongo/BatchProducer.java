package io.ecomanalytics.mongo;

import io.ecomanalytics.data.RecordStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Reads, validates, maps and BSON-encodes records into batches on a thread of its own, so that preparing the next
 * batch overlaps writing the current one: the writing thread only copies encoded bytes to the socket. At most two
 * batches wait, so memory stays bounded by the batch size.
 */
final class BatchProducer<T> implements AutoCloseable {

    /** A batch of documents and how many records of the file were processed up to its last one. */
    record Batch(List<RawBsonDocument> documents, long processed) {
    }

    private static final Batch END = new Batch(List.of(), -1);
    private static final long OFFER_TIMEOUT_MILLIS = 100;

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
    private final Thread thread;
    private volatile RuntimeException failure;
    private volatile boolean cancelled;

    BatchProducer(String name, Supplier<RecordStream<T>> open, Function<T, Document> mapper, int batchSize) {
        thread = new Thread(() -> produce(open, mapper, batchSize), "mongo-loader-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The next batch, or {@code null} after the last one.
     *
     * @throws RuntimeException what reading the records threw (e.g. a DatasetFormatException), unchanged
     */
    Batch next() {
        Batch batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MongoLoadException("The load was interrupted while waiting for records", e);
        }
        if (batch != END) {
            return batch;
        }
        if (failure != null) {
            throw failure;
        }
        return null;
    }

    /** Stops reading (if still reading) and waits for the reading thread to close its files. */
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

    private void produce(Supplier<RecordStream<T>> open, Function<T, Document> mapper, int batchSize) {
        try (RecordStream<T> records = open.get()) {
            List<RawBsonDocument> batch = new ArrayList<>(batchSize);
            while (records.hasNext() && !cancelled) {
                batch.add(RawDocuments.encode(mapper.apply(records.next())));
                if (batch.size() == batchSize) {
                    offer(new Batch(batch, records.position().recordIndex() + 1));
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                offer(new Batch(batch, records.position().recordIndex() + 1));
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("Reading records failed: " + e, e);
        } finally {
            offer(END);
        }
    }

    private void offer(Batch batch) {
        try {
            while (!cancelled && !queue.offer(batch, OFFER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                // The writer is slower than the reader: wait for room, unless the load was given up.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        }
    }
}
