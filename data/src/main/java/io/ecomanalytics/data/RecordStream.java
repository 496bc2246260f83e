package io.ecomanalytics.data;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Records of one entity, read one at a time from one or more files (only the current record is in memory). Close it
 * to release the file. After {@link #next()}, {@link #position()} tells where that record came from.
 *
 * <pre>{@code
 * try (RecordStream<Transaction> transactions = DatasetFiles.open(folder).transactions()) {
 *     while (transactions.hasNext()) {
 *         Transaction transaction = transactions.next();
 *         RecordPosition where = transactions.position();
 *     }
 * }
 * }</pre>
 *
 * @param <T> the record type
 */
public interface RecordStream<T> extends Iterator<T>, AutoCloseable {

    /** Where the record last returned by {@link #next()} starts: file, record index, line, column. */
    RecordPosition position();

    @Override
    void close();

    /** This stream as a sequential {@link Stream}; closing the {@code Stream} closes this. */
    default Stream<T> stream() {
        Spliterator<T> spliterator = Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::close);
    }
}
