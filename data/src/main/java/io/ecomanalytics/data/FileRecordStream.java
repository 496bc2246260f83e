package io.ecomanalytics.data;

import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/** A plain {@link RecordStream} over the files of one entity, read one after another. */
final class FileRecordStream<T> implements RecordStream<T> {

    private final List<Path> files;
    private final RecordCodec<T> codec;
    private int nextFile;
    private ArrayCursor cursor;
    private T pending;
    private RecordPosition pendingPosition;
    private RecordPosition position;

    FileRecordStream(List<Path> files, EntityType<T> type) {
        this.files = List.copyOf(files);
        this.codec = type.codec();
    }

    @Override
    public boolean hasNext() {
        while (pending == null) {
            if (cursor == null) {
                if (nextFile == files.size()) {
                    return false;
                }
                cursor = new ArrayCursor(files.get(nextFile++));
            }
            if (cursor.nextElement()) {
                pendingPosition = cursor.position();
                pending = readElement();
            } else {
                cursor.close();
                cursor = null;
            }
        }
        return true;
    }

    private T readElement() {
        try {
            if (cursor.parser().currentToken() != JsonToken.START_OBJECT) {
                JsonToken found = cursor.parser().currentToken();
                cursor.skipRestOfElement();
                throw new InvalidRecordException(pendingPosition, Rule.TYPE, "(record)",
                        "expected an object but found " + JsonFields.describe(found));
            }
            return codec.read(cursor.parser());
        } catch (RecordViolation violation) {
            cursor.skipRestOfElement();
            throw new InvalidRecordException(pendingPosition, violation.rule(), violation.field(),
                    violation.getMessage());
        } catch (IOException e) {
            throw cursor.malformed(e);
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more records in " + files);
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

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
        nextFile = files.size();
    }
}
