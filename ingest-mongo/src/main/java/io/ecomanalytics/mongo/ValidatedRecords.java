package io.ecomanalytics.mongo;

import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.EntityType;
import io.ecomanalytics.data.RecordStream;
import io.ecomanalytics.data.Rule;
import java.util.Map;

/** Adapts the data module's reader to {@link AcceptedRecords}. */
final class ValidatedRecords<T> implements AcceptedRecords<T> {

    private final RecordStream<T> stream;
    private long read;

    private ValidatedRecords(RecordStream<T> stream) {
        this.stream = stream;
    }

    static <T> AcceptedRecords<T> open(DatasetFiles dataset, EntityType<T> type) {
        return new ValidatedRecords<>(dataset.records(type));
    }

    @Override
    public boolean hasNext() {
        return stream.hasNext();
    }

    @Override
    public T next() {
        T record = stream.next();
        read++;
        return record;
    }

    @Override
    public long read() {
        return read;
    }

    @Override
    public Map<Rule, Long> rejectedByRule() {
        return Map.of();
    }

    @Override
    public void close() {
        stream.close();
    }
}
