package io.ecomanalytics.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ground truth a realistic dataset is written with reads back as written; a uniform dataset has none. */
class GroundTruthTest {

    @TempDir
    Path folder;

    @Test
    void aRealisticDatasetsTruthReadsBack() {
        GeneratorSpec spec = GeneratorSpec.scale("tiny").withBehaviour(Behaviour.REALISTIC);
        DatasetGenerator.generate(spec, folder, ProgressListener.NONE);

        GroundTruth truth = GroundTruth.read(folder).orElseThrow();

        assertThat(truth.timeUnit()).isEqualTo("days");
        assertThat(truth.parameters().r()).isEqualTo(PlantedParameters.R);
        assertThat(truth.parameters().q()).isEqualTo(PlantedParameters.Q);
        assertThat(truth.parameters().preferenceConcentration()).isEqualTo(PlantedParameters.PREFERENCE_CONCENTRATION);
        assertThat(truth.customers()).hasSize(spec.users());
        assertThat(truth.customers()).allSatisfy(customer -> assertThat(customer.churnedAt().isPresent())
                .as("churned_at of %s", customer.userId())
                .isEqualTo(customer.segment() == PlantedSegment.CHURNED));
    }

    @Test
    void aUniformDatasetHasNoTruth() {
        DatasetGenerator.generate(GeneratorSpec.scale("tiny").withBehaviour(Behaviour.UNIFORM), folder,
                ProgressListener.NONE);

        assertThat(GroundTruth.read(folder)).isEqualTo(Optional.empty());
    }
}
