package io.ecomanalytics.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackgroundBatchesTest {

    @Test
    void deliversThePreparedItemsInOrderInBatchesWithTheRecordsConsumed() {
        List<BackgroundBatches.Batch<String>> batches = drain(new BackgroundBatches<>("test", () -> numbers(7),
                number -> "n" + number, 3));

        assertThat(batches).extracting(BackgroundBatches.Batch::items)
                .containsExactly(List.of("n0", "n1", "n2"), List.of("n3", "n4", "n5"), List.of("n6"));
        assertThat(batches).extracting(BackgroundBatches.Batch::consumed).containsExactly(3L, 6L, 7L);
    }

    @Test
    void leavesOutRecordsPreparedAsNullButCountsThemConsumed() {
        List<BackgroundBatches.Batch<Integer>> batches = drain(new BackgroundBatches<>("test", () -> numbers(6),
                number -> number % 2 == 0 ? number : null, 2));

        assertThat(batches).extracting(BackgroundBatches.Batch::items)
                .containsExactly(List.of(0, 2), List.of(4));
        // The last batch reports all six records, the trailing odd one included.
        assertThat(batches).extracting(BackgroundBatches.Batch::consumed).containsExactly(3L, 6L);
    }

    @Test
    void anEmptySourceGivesNoBatch() {
        assertThat(drain(new BackgroundBatches<>("test", () -> numbers(0), number -> number, 5))).isEmpty();
    }

    @Test
    void rethrowsWhatReadingThrewUnchangedAfterTheBatchesBeforeIt() {
        Iterator<Integer> failing = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (next == 2) {
                    throw new IllegalStateException("transactions.json, record 2: not an object");
                }
                return next++;
            }
        };
        try (BackgroundBatches<Integer, Integer> batches = new BackgroundBatches<>("test", () -> failing,
                number -> number, 2)) {
            assertThat(batches.next().items()).containsExactly(0, 1);
            assertThatThrownBy(batches::next)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("transactions.json, record 2: not an object");
        }
    }

    @Test
    void closingEarlyClosesTheSource() {
        AtomicBoolean closed = new AtomicBoolean();
        BackgroundBatches<Integer, Integer> batches = new BackgroundBatches<>("test",
                () -> new ClosingIterator(numbers(1_000_000), closed), number -> number, 10);
        assertThat(batches.next().items()).hasSize(10);

        batches.close();

        assertThat(closed).isTrue();
    }

    @Test
    void refusesABatchSizeBelowOne() {
        assertThatThrownBy(() -> new BackgroundBatches<>("test", () -> numbers(1), number -> number, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be at least 1, was 0");
    }

    private static Iterator<Integer> numbers(int count) {
        return IntStream.range(0, count).iterator();
    }

    private static <R> List<BackgroundBatches.Batch<R>> drain(BackgroundBatches<?, R> batches) {
        List<BackgroundBatches.Batch<R>> all = new ArrayList<>();
        try (batches) {
            for (BackgroundBatches.Batch<R> batch = batches.next(); batch != null; batch = batches.next()) {
                all.add(batch);
            }
        }
        return all;
    }

    private record ClosingIterator(Iterator<Integer> delegate, AtomicBoolean closed)
            implements Iterator<Integer>, AutoCloseable {
        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public Integer next() {
            return delegate.next();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
