package io.ecomanalytics.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of documents into one collection, idempotently by {@code _id}, retrying transient errors with
 * exponential backoff, and counts what each batch did.
 */
final class BatchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    /** Server error codes that mean "try again": shutdown, step-down, not primary, network trouble. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602,
            13435, 13436);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final InsertManyOptions UNORDERED_INSERT = new InsertManyOptions().ordered(false);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollectionName name;
    private final MongoCollection<RawBsonDocument> collection;
    private final MongoLoadOptions options;
    private final String maskedUri;

    private long inserted;
    private long updated;
    private long unchanged;
    private long failed;
    private final List<LoadFailure> failures = new ArrayList<>();

    BatchWriter(MongoCollectionName name, MongoCollection<?> collection, MongoLoadOptions options, String maskedUri) {
        this.name = name;
        this.collection = collection.withDocumentClass(RawBsonDocument.class)
                .withWriteConcern(options.writeConcern());
        this.options = options;
        this.maskedUri = maskedUri;
    }

    /** The unordered bulk of upserts for a batch of documents, each carrying its {@code _id}. */
    static List<WriteModel<RawBsonDocument>> upserts(List<RawBsonDocument> documents) {
        List<WriteModel<RawBsonDocument>> models = new ArrayList<>(documents.size());
        for (RawBsonDocument document : documents) {
            models.add(new ReplaceOneModel<>(new BsonDocument("_id", document.get("_id")), document, UPSERT));
        }
        return models;
    }

    /**
     * Writes one batch so that afterwards each document is stored exactly once under its {@code _id}: an unordered
     * insert first (the fast path of a first load), then a replace-by-{@code _id} upsert of the documents whose
     * insert hit a duplicate key (the documents of a reload, or of a batch retried after it partly landed). A
     * document the server refuses otherwise, or refuses again on the upsert, becomes a {@link LoadFailure} while
     * the others land.
     *
     * @throws MongoLoadException when the batch still fails transiently after the last attempt, or fails otherwise
     */
    void write(List<RawBsonDocument> documents) {
        List<RawBsonDocument> existing = retrying(documents.size(), () -> insert(documents));
        if (!existing.isEmpty()) {
            retrying(existing.size(), () -> {
                replace(existing);
                return List.of();
            });
        }
    }

    /** Inserts the documents and returns those that hit a duplicate key. */
    private List<RawBsonDocument> insert(List<RawBsonDocument> documents) {
        try {
            collection.insertMany(documents, UNORDERED_INSERT);
            inserted += documents.size();
            return List.of();
        } catch (MongoBulkWriteException e) {
            warnOnWriteConcern(e);
            inserted += documents.size() - e.getWriteErrors().size();
            List<RawBsonDocument> duplicates = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                RawBsonDocument document = documents.get(error.getIndex());
                if (error.getCode() == DUPLICATE_KEY) {
                    duplicates.add(document);
                } else {
                    fail(document, error);
                }
            }
            return duplicates;
        }
    }

    private void replace(List<RawBsonDocument> documents) {
        try {
            count(collection.bulkWrite(upserts(documents), UNORDERED));
        } catch (MongoBulkWriteException e) {
            warnOnWriteConcern(e);
            count(e.getWriteResult());
            for (BulkWriteError error : e.getWriteErrors()) {
                fail(documents.get(error.getIndex()), error);
            }
        }
    }

    private <R> R retrying(int size, Supplier<R> write) {
        Duration backoff = options.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (MongoException e) {
                if (!isTransient(e)) {
                    throw new MongoLoadException("Writing a batch of " + size + " documents into " + name + " at "
                            + maskedUri + " failed: " + MongoUris.mask(e.getMessage()) + ". This is not a transient"
                            + " error, so it was not retried; fix the cause and run the load again (it is"
                            + " idempotent).", e);
                }
                if (attempt >= options.maxAttempts()) {
                    throw new MongoLoadException("Writing into " + name + " at " + maskedUri + " failed after "
                            + attempt + " attempts: " + e.getClass().getSimpleName() + ": "
                            + MongoUris.mask(e.getMessage()) + ". Check that the server is running and reachable,"
                            + " then run the load again: it upserts by _id, so nothing is duplicated.", e);
                }
                LOG.warn("Attempt {} of {} to write into {} at {} failed ({}); retrying in {} ms", attempt,
                        options.maxAttempts(), name, maskedUri, MongoUris.mask(e.getMessage()), backoff.toMillis());
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private void warnOnWriteConcern(MongoBulkWriteException e) {
        if (e.getWriteConcernError() != null) {
            LOG.warn("A batch into {} was written but its write concern was not satisfied: {}", name,
                    e.getWriteConcernError().getMessage());
        }
    }

    static boolean isTransient(MongoException error) {
        return error instanceof MongoSocketException
                || error instanceof MongoTimeoutException
                || error instanceof MongoNotPrimaryException
                || error instanceof MongoNodeIsRecoveringException
                || error instanceof MongoExecutionTimeoutException
                || error.hasErrorLabel("RetryableWriteError")
                || error.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                || TRANSIENT_CODES.contains(error.getCode());
    }

    private void count(BulkWriteResult result) {
        int upserted = result.getUpserts().size();
        int matched = result.getMatchedCount();
        int modified = result.getModifiedCount();
        inserted += upserted;
        updated += modified;
        unchanged += matched - modified;
    }

    private void fail(RawBsonDocument document, BulkWriteError error) {
        String id = idOf(document);
        String reason = "server error " + error.getCode() + ": " + MongoUris.mask(error.getMessage());
        failed++;
        if (failures.size() < MongoLoadReport.MAX_FAILURES_KEPT) {
            failures.add(new LoadFailure(name, id, reason));
        }
        LOG.debug("{} {} refused: {}", name, id, reason);
    }

    private static String idOf(RawBsonDocument document) {
        BsonValue id = document.get("_id");
        return id != null && id.isString() ? id.asString().getValue() : String.valueOf(id);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MongoLoadException("The load was interrupted while waiting to retry", e);
        }
    }

    long inserted() {
        return inserted;
    }

    long updated() {
        return updated;
    }

    long unchanged() {
        return unchanged;
    }

    long failed() {
        return failed;
    }

    List<LoadFailure> failures() {
        return failures;
    }
}
