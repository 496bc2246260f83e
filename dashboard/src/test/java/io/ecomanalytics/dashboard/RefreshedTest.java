package io.ecomanalytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RefreshedTest {
    private static final Duration FRESHNESS = Duration.ofSeconds(30);

    private final AtomicLong now = new AtomicLong();
    private final HeldBack background = new HeldBack();

    /** Runs the background work at once until the test holds it back, then only when the test says so. */
    private static final class HeldBack implements Executor {
        private final Queue<Runnable> waiting = new ArrayDeque<>();
        private boolean held;

        @Override
        public void execute(Runnable command) {
            if (held) {
                waiting.add(command);
            } else {
                command.run();
            }
        }

        void hold() {
            held = true;
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

    /** A value whose first computation runs at once and whose recomputations wait for {@link HeldBack#runAll}. */
    private <T> Refreshed<T> refreshed(Supplier<T> computation) {
        Refreshed<T> refreshed = new Refreshed<>("test", computation, FRESHNESS, background, now::get);
        refreshed.get();
        background.hold();
        return refreshed;
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void theFirstCallComputesAndAFreshValueIsNotComputedAgain() {
        AtomicInteger computations = new AtomicInteger();
        Refreshed<Integer> value = refreshed(computations::incrementAndGet);

        assertThat(value.get()).isEqualTo(1);
        advance(FRESHNESS);
        assertThat(value.get()).isEqualTo(1);

        assertThat(computations).hasValue(1);
        assertThat(background.waiting()).isZero();
    }

    @Test
    void aStaleValueIsAnsweredAtOnceAndRecomputedOnceInTheBackground() {
        AtomicInteger computations = new AtomicInteger();
        Refreshed<Integer> value = refreshed(computations::incrementAndGet);
        assertThat(value.get()).isEqualTo(1);
        advance(FRESHNESS.plusMillis(1));

        // Stale: the kept value answers, and only one recomputation is queued however many calls come.
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(1);
        assertThat(background.waiting()).isEqualTo(1);

        background.runAll();
        assertThat(value.get()).isEqualTo(2);
        assertThat(computations).hasValue(2);
    }

    @Test
    void aValueThatTookLongToComputeStaysFreshForTenTimesThatLong() {
        AtomicInteger computations = new AtomicInteger();
        Refreshed<Integer> value = refreshed(() -> {
            advance(Duration.ofSeconds(20));
            return computations.incrementAndGet();
        });
        assertThat(value.get()).isEqualTo(1);

        advance(Duration.ofSeconds(180));
        value.get();
        assertThat(background.waiting()).as("fresh for 10 x 20 s from the computation's start").isZero();

        advance(Duration.ofSeconds(1));
        value.get();
        assertThat(background.waiting()).isEqualTo(1);
    }

    @Test
    void aFailedRecomputationKeepsTheOldValueAndTheNextCallTriesAgain() {
        AtomicInteger calls = new AtomicInteger();
        Refreshed<String> value = refreshed(() -> {
            int call = calls.incrementAndGet();
            if (call == 2) {
                throw new IllegalStateException("store down");
            }
            return "figures " + call;
        });
        assertThat(value.get()).isEqualTo("figures 1");
        advance(FRESHNESS.plusMillis(1));

        value.get();
        background.runAll();
        assertThat(value.get()).isEqualTo("figures 1");
        assertThat(background.waiting()).isEqualTo(1);

        background.runAll();
        assertThat(value.get()).isEqualTo("figures 3");
    }

    @Test
    void aFailedFirstComputationIsThrownAndTheNextCallComputesAgain() {
        AtomicInteger calls = new AtomicInteger();
        Refreshed<String> value = new Refreshed<>("test", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("store down");
            }
            return "figures";
        }, FRESHNESS, background, now::get);

        assertThatThrownBy(value::get).isInstanceOf(IllegalStateException.class).hasMessage("store down");
        assertThat(value.get()).isEqualTo("figures");
        assertThat(calls).hasValue(2);
    }
}
