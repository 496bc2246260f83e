package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The accepted records of one entity. On the entity's first pass every record is checked, counted and, when
 * rejected, reported; on later passes the records rejected the first time are skipped silently.
 */
final class ValidatingStream<T> implements RecordStream<T> {

    private final ValidatingDataset owner;
    private final EntityType<T> type;
    private final RecordCodec<T> codec;
    private final List<Path> files;
    private final ValidatingDataset.EntityState state;
    private final boolean firstPass;
    private int nextFile;
    private ArrayCursor cursor;
    private RawRecordReader raw;
    private ValidatingDataset.FileCounter counter;
    private T pending;
    private RecordPosition pendingPosition;
    private RecordPosition position;
    private boolean finished;

    ValidatingStream(ValidatingDataset owner, EntityType<T> type, List<Path> files,
                     ValidatingDataset.EntityState state) {
        this.owner = owner;
        this.type = type;
        this.codec = type.codec();
        this.files = List.copyOf(files);
        this.state = state;
        this.firstPass = !state.validated;
    }

    @Override
    public boolean hasNext() {
        while (pending == null) {
            if (finished) {
                return false;
            }
            if (cursor == null) {
                if (nextFile == files.size()) {
                    finished = true;
                    if (firstPass) {
                        state.finish();
                    }
                    return false;
                }
                Path file = files.get(nextFile++);
                cursor = new ArrayCursor(file);
                raw = new RawRecordReader(file);
                counter = owner.counter(type, cursor.fileName());
            }
            if (cursor.nextElement()) {
                handleElement();
            } else {
                closeFile();
            }
        }
        return true;
    }

    private void handleElement() {
        RecordPosition where = cursor.position();
        T record = null;
        RecordViolation violation = null;
        try {
            JsonToken token = cursor.parser().currentToken();
            if (token != JsonToken.START_OBJECT) {
                violation = new RecordViolation(Rule.TYPE, "(record)",
                        "expected an object but found " + JsonFields.describe(token));
            } else {
                record = codec.read(cursor.parser());
                if (firstPass) {
                    owner.check(record);
                }
            }
        } catch (RecordViolation e) {
            violation = e;
        } catch (IOException e) {
            throw cursor.malformed(e);
        }
        cursor.skipRestOfElement();
        if (!firstPass) {
            if (violation == null && !state.rejectedPositions.contains(
                    ValidatingDataset.positionKey(where.file(), where.recordIndex()))) {
                pending = record;
                pendingPosition = where;
            }
            return;
        }
        if (violation == null && !owner.register(state, record)) {
            String field = ValidatingDataset.idField(type);
            violation = new RecordViolation(Rule.DUPLICATE_ID, field, field + " " + idOf(record)
                    + " was already used by an earlier accepted " + type.name() + " record");
        }
        counter.read++;
        if (violation == null) {
            counter.accepted++;
            pending = record;
            pendingPosition = where;
        } else {
            counter.rejected++;
            String text = raw.read(cursor.startByte(), cursor.currentByte());
            owner.reject(state, new Reject(where, violation.rule(), violation.field(), violation.getMessage(), text));
        }
    }

    private static String idOf(Object record) {
        if (record instanceof Transaction transaction) {
            return "'" + transaction.transactionId() + "'";
        }
        if (record instanceof Session session) {
            return "'" + session.sessionId() + "'";
        }
        if (record instanceof Product product) {
            return "'" + product.productId() + "'";
        }
        if (record instanceof User user) {
            return "'" + user.userId() + "'";
        }
        return "'" + ((Category) record).categoryId() + "'";
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more accepted " + type.name() + " records");
        }
        T record = pending;
        pending = null;
        position = pendingPosition;
        return record;
    }

    @Override
    public RecordPosition position() {
        if (position == null) {
            throw new IllegalStateException("position() is defined after the first next()");
        }
        return position;
    }

    private void closeFile() {
        cursor.close();
        raw.close();
        cursor = null;
        raw = null;
    }

    @Override
    public void close() {
        if (cursor != null) {
            closeFile();
        }
        finished = true;
    }
}
