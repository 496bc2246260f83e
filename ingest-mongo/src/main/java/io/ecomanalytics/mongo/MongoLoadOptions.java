package io.ecomanalytics.mongo;

import com.mongodb.WriteConcern;
import java.time.Duration;
import java.util.Objects;

/**
 * How the loader writes.
 *
 * @param batchSize        documents per unordered bulk write
 * @param writeConcern     the write concern of every bulk write; it must be acknowledged, or the load could not
 *                         report what was written
 * @param maxAttempts      attempts per batch on a transient error (unreachable server, primary step-down, ...)
 * @param initialBackoff   the wait before the second attempt; it doubles before every further one
 * @param progressInterval how often a progress line is logged
 * @param progressListener called after every batch
 */
public record MongoLoadOptions(int batchSize, WriteConcern writeConcern, int maxAttempts, Duration initialBackoff,
                          Duration progressInterval, LoadProgressListener progressListener) {

    /** Batches of 1,000 documents. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    /** Five attempts per batch. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    /** @throws IllegalArgumentException if a number is out of range or the write concern is unacknowledged */
    public MongoLoadOptions {
        Objects.requireNonNull(writeConcern, "writeConcern");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(progressInterval, "progressInterval");
        Objects.requireNonNull(progressListener, "progressListener");
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("Batch size " + batchSize + " is out of range; use 1 to 100000"
                    + " documents (1000 is a good start)");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("Max attempts " + maxAttempts + " must be at least 1");
        }
        if (initialBackoff.isNegative() || progressInterval.isNegative()) {
            throw new IllegalArgumentException("Backoff " + initialBackoff + " and progress interval "
                    + progressInterval + " cannot be negative");
        }
        if (!writeConcern.isAcknowledged()) {
            throw new IllegalArgumentException("Write concern " + writeConcern.asDocument().toJson()
                    + " is unacknowledged, so the load could not report what was written; use w:1 or majority");
        }
    }

    /** Batches of {@value #DEFAULT_BATCH_SIZE}, w:1, {@value #DEFAULT_MAX_ATTEMPTS} attempts from 200 ms backoff,
     * a progress line every 5 s. */
    public static MongoLoadOptions defaults() {
        return new MongoLoadOptions(DEFAULT_BATCH_SIZE, WriteConcern.W1, DEFAULT_MAX_ATTEMPTS, Duration.ofMillis(200),
                Duration.ofSeconds(5), LoadProgressListener.NONE);
    }

    /** These options with another number of documents per bulk write. */
    public MongoLoadOptions withBatchSize(int size) {
        return new MongoLoadOptions(size, writeConcern, maxAttempts, initialBackoff, progressInterval,
                progressListener);
    }

    /** These options with another (acknowledged) write concern, e.g. {@code WriteConcern.MAJORITY}. */
    public MongoLoadOptions withWriteConcern(WriteConcern concern) {
        return new MongoLoadOptions(batchSize, concern, maxAttempts, initialBackoff, progressInterval,
                progressListener);
    }

    /** Retries: {@code attempts} per batch, waiting {@code backoff}, then twice as long, and so on. */
    public MongoLoadOptions withRetries(int attempts, Duration backoff) {
        return new MongoLoadOptions(batchSize, writeConcern, attempts, backoff, progressInterval, progressListener);
    }

    /** A progress line every {@code interval}, and {@code listener} called after every batch. */
    public MongoLoadOptions withProgress(Duration interval, LoadProgressListener listener) {
        return new MongoLoadOptions(batchSize, writeConcern, maxAttempts, initialBackoff, interval, listener);
    }
}
