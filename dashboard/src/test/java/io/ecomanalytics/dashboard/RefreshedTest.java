package io.ecomanalytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshedTest {
    /** Runs the background work only when the test says so. */
    private static final class HeldBack implements Executor {
        private final Queue<Runnable> waiting = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            waiting.add(command);
        }

        int waiting() {
            return waiting.size();
        }

        void runAll() {
            while (!waiting.isEmpty()) {
                waiting.poll().run();
            }
        }
    }

    @Test
    void theFirstCallComputesAndAFreshValueIsNotComputedAgain() {
        AtomicInteger computations = new AtomicInteger();
        HeldBack background = new HeldBack();
        Refreshed<Integer> value = new Refreshed<>("test", computations::incrementAndGet, Duration.ofHours(1),
                background);

        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(1);
        assertThat(computations).hasValue(1);
        assertThat(background.waiting()).isZero();
    }

    @Test
    void aStaleValueIsAnsweredAtOnceAndRecomputedOnceInTheBackground() {
        AtomicInteger computations = new AtomicInteger();
        HeldBack background = new HeldBack();
        Refreshed<Integer> value = new Refreshed<>("test", computations::incrementAndGet, Duration.ZERO, background);
        assertThat(value.get()).isEqualTo(1);

        // Stale: the kept value answers, and only one recomputation is queued however many calls come.
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(1);
        assertThat(background.waiting()).isEqualTo(1);

        background.runAll();
        assertThat(value.get()).isEqualTo(2);
        assertThat(computations).hasValue(2);
    }

    @Test
    void aFailedRecomputationKeepsTheOldValueAndTheNextCallTriesAgain() {
        AtomicInteger calls = new AtomicInteger();
        HeldBack background = new HeldBack();
        Refreshed<String> value = new Refreshed<>("test", () -> {
            int call = calls.incrementAndGet();
            if (call == 2) {
                throw new IllegalStateException("store down");
            }
            return "figures " + call;
        }, Duration.ZERO, background);
        assertThat(value.get()).isEqualTo("figures 1");

        value.get();
        background.runAll();
        assertThat(value.get()).isEqualTo("figures 1");
        assertThat(background.waiting()).isEqualTo(1);

        background.runAll();
        assertThat(value.get()).isEqualTo("figures 3");
    }
}
