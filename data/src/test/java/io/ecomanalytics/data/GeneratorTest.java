package io.ecomanalytics.data;

import io.ecomanalytics.testing.TestDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratorTest {

    @TempDir
    Path temporary;

    @Test
    void sameSpecGivesByteIdenticalFilesAndMatchesTheCommittedTinyDataset() throws IOException {
        Path first = temporary.resolve("first");
        Path second = temporary.resolve("second");
        DatasetGenerator.generate(GeneratorSpec.scale("tiny").withBehaviour(Behaviour.UNIFORM).withSeed(42), first, ProgressListener.NONE);
        DatasetGenerator.generate(GeneratorSpec.scale("tiny").withBehaviour(Behaviour.UNIFORM).withSeed(42), second, ProgressListener.NONE);
        Path committed = TestDatasets.copyTiny(temporary.resolve("committed"));
        for (String name : TestDatasets.TINY_FILES) {
            byte[] bytes = Files.readAllBytes(first.resolve(name));
            assertThat(Files.readAllBytes(second.resolve(name))).as(name).isEqualTo(bytes);
            assertThat(Files.readAllBytes(committed.resolve(name))).as(name).isEqualTo(bytes);
        }
    }

    @Test
    void anotherSeedGivesOtherData() throws IOException {
        Path seed42 = temporary.resolve("42");
        Path seed43 = temporary.resolve("43");
        DatasetGenerator.generate(GeneratorSpec.scale("tiny").withBehaviour(Behaviour.UNIFORM).withSeed(42), seed42, ProgressListener.NONE);
        DatasetGenerator.generate(GeneratorSpec.scale("tiny").withBehaviour(Behaviour.UNIFORM).withSeed(43), seed43, ProgressListener.NONE);
        assertThat(Files.readAllBytes(seed43.resolve("sessions_0.json")))
                .isNotEqualTo(Files.readAllBytes(seed42.resolve("sessions_0.json")));
    }

    @Test
    void explicitCountsAreHonouredAndIdsAreUnique() {
        GeneratorSpec spec = GeneratorSpec.scale("tiny").withBehaviour(Behaviour.UNIFORM).withUsers(7).withProducts(11).withCategories(3)
                .withTransactions(250).withSessions(301).withSessionsPerFile(100);
        GenerationSummary summary = DatasetGenerator.generate(spec, temporary, ProgressListener.NONE);
        DatasetFiles dataset = DatasetFiles.open(temporary);

        assertThat(dataset.files(EntityType.SESSIONS)).extracting(path -> path.getFileName().toString())
                .containsExactly("sessions_0.json", "sessions_1.json", "sessions_2.json", "sessions_3.json");
        assertThat(ids(dataset.users(), User::userId)).hasSize(7).doesNotHaveDuplicates();
        assertThat(ids(dataset.products(), Product::productId)).hasSize(11).doesNotHaveDuplicates();
        assertThat(ids(dataset.categories(), Category::categoryId)).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids(dataset.transactions(), Transaction::transactionId)).hasSize(250).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("txn_[0-9a-f]{12}"));
        assertThat(ids(dataset.sessions(), Session::sessionId)).hasSize(301).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("sess_[0-9a-f]{10}"));
        assertThat(summary.transactions()).isEqualTo(250);
        assertThat(summary.sessions()).isEqualTo(301);
    }

    @Test
    void progressReachesTheTotalOfEveryStep() {
        List<String> finished = new ArrayList<>();
        DatasetGenerator.generate(GeneratorSpec.scale("tiny").withBehaviour(Behaviour.UNIFORM), temporary, (step, done, total) -> {
            if (done == total) {
                finished.add(step);
            }
        });
        assertThat(finished).containsExactly("categories", "sessions", "standalone transactions", "products",
                "users");
    }

    @Test
    void unknownScaleAndImpossibleCountsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> GeneratorSpec.scale("huge"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown scale 'huge'; use tiny, small or full, and override counts with the explicit "
                        + "count options if none fits");
        assertThatThrownBy(() -> GeneratorSpec.scale("tiny").withBehaviour(Behaviour.UNIFORM).withProducts(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("products must be between 3 and 99999, got 2");
    }

    @Test
    void namedScalesHaveTheReferenceCounts() {
        GeneratorSpec small = GeneratorSpec.scale("small");
        assertThat(List.of(small.users(), small.products(), small.categories()))
                .containsExactly(2_000, 1_000, 15);
        assertThat(List.of(small.transactions(), small.sessions())).containsExactly(20_000L, 15_000L);
        assertThat(small.behaviour()).isEqualTo(Behaviour.REALISTIC);
        assertThat(Behaviour.parse("Uniform")).isEqualTo(Behaviour.UNIFORM);
        GeneratorSpec full = GeneratorSpec.scale("FULL");
        assertThat(List.of(full.users(), full.products(), full.categories(), full.sessionsPerFile()))
                .containsExactly(10_000, 5_000, 25, 100_000);
        assertThat(List.of(full.transactions(), full.sessions())).containsExactly(500_000L, 2_000_000L);
        assertThat(full.sessionFiles()).isEqualTo(20);
        assertThat(GeneratorSpec.scaleNames()).containsExactly("tiny", "small", "full");
        assertThat(GeneratorSpec.scale("tiny").withBehaviour(Behaviour.UNIFORM).sessionFiles()).isEqualTo(2);
    }

    private static <T> List<String> ids(RecordStream<T> stream, java.util.function.Function<T, String> id) {
        List<String> ids = new ArrayList<>();
        try (stream) {
            stream.forEachRemaining(record -> ids.add(id.apply(record)));
        }
        return ids;
    }
}
