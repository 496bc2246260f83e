package io.ecomanalytics.data;

import java.nio.file.Path;

/** Where a {@link ValidatingDataset} sends the records it rejects. Called on the reading thread. */
@FunctionalInterface
public interface RejectSink extends AutoCloseable {

    /** A sink that keeps nothing; the rejects are still counted in the {@link ValidationReport}. */
    RejectSink DISCARD = reject -> {
    };

    void accept(Reject reject);

    @Override
    default void close() {
    }

    /**
     * A sink writing one JSON object per line to {@code file}: {@code file}, {@code record_index}, {@code line},
     * {@code column}, {@code rule}, {@code field}, {@code message} and {@code raw_record} (the record's text as a
     * string, since a broken record need not be valid JSON on its own).
     */
    static RejectSink jsonLines(Path file) {
        return new JsonLinesRejectSink(file);
    }
}
