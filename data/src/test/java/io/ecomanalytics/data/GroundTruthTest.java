package io.ecomanalytics.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ground truth a realistic dataset is written with reads back as written; a uniform dataset has none. */
class GroundTruthTest {

    @TempDir
    Path folder;

    @Test
    void aRealisticDatasetsTruthReadsBack() throws IOException {
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
        Set<String> categoryIds = new HashSet<>();
        new ObjectMapper().readTree(folder.resolve("categories.json").toFile())
                .forEach(category -> categoryIds.add(category.get("category_id").asText()));
        assertThat(truth.customers()).allSatisfy(customer -> assertThat(customer.topCategories())
                .as("top categories of %s", customer.userId())
                .hasSize(3).doesNotHaveDuplicates().isSubsetOf(categoryIds));
    }

    @Test
    void aUniformDatasetHasNoTruth() {
        DatasetGenerator.generate(GeneratorSpec.scale("tiny").withBehaviour(Behaviour.UNIFORM), folder,
                ProgressListener.NONE);

        assertThat(GroundTruth.read(folder)).isEqualTo(Optional.empty());
    }
}
