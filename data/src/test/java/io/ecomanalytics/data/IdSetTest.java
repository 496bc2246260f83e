package io.ecomanalytics.data;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdSetTest {

    @Test
    void agreesWithAHashSetOnDatasetIdsOtherIdsAndLookalikes() {
        IdSet ids = new IdSet("sess_", 14);
        Set<String> reference = new HashSet<>();
        // 20,000 ids force several resizes of the table; every third one is offered twice.
        for (int i = 0; i < 20_000; i++) {
            String id = String.format("sess_%010x", (long) i * 2_654_435_761L & 0xFF_FFFF_FFFFL);
            assertThat(ids.add(id)).isEqualTo(reference.add(id));
            if (i % 3 == 0) {
                assertThat(ids.add(id)).isFalse();
            }
        }
        for (String lookalike : new String[] {"sess_a", "sess_0a", "sess_00a", "sess_A", "SESS_a", "sess_",
                "session-1", "sess_0123456789abcdef"}) {
            assertThat(ids.add(lookalike)).as(lookalike).isEqualTo(reference.add(lookalike));
            assertThat(ids.add(lookalike)).as(lookalike).isFalse();
        }
    }

    @Test
    void generatorIdPermutationIsABijection() {
        Set<Long> seen = new HashSet<>();
        for (long counter = 0; counter < 1 << 12; counter++) {
            long id = GenerationRun.permute(counter, 0x5DEECE66DL, 12);
            assertThat(id).isBetween(0L, (1L << 12) - 1);
            seen.add(id);
        }
        assertThat(seen).hasSize(1 << 12);
    }
}
