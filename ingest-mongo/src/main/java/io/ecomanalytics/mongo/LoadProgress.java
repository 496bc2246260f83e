package io.ecomanalytics.mongo;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a load stands in one collection.
 *
 * @param collection       the collection being written
 * @param processed        records of its file processed so far (written, failed or rejected)
 * @param expected         records its file holds (counted before the load)
 * @param documentsPerSecond records processed per second since this collection's load began
 * @param elapsed          time since this collection's load began
 */
public record LoadProgress(MongoCollectionName collection, long processed, long expected, double documentsPerSecond,
                           Duration elapsed) {

    /** The estimated time left for this collection, empty until the rate is known. */
    public Optional<Duration> estimatedTimeLeft() {
        if (documentsPerSecond <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, expected - processed);
        return Optional.of(Duration.ofMillis((long) (left * 1000 / documentsPerSecond)));
    }
}
