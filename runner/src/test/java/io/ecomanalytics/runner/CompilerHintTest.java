package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecomanalytics.clv.EngagementWeights;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.hbase.LoadMethod;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompilerHintTest {

    @Test
    void aGeneratedRunIsLongBeyondTheSmallScale() {
        assertThat(CompilerHint.longRun(settings(Optional.empty(), "tiny"))).isFalse();
        assertThat(CompilerHint.longRun(settings(Optional.empty(), "small"))).isFalse();
        assertThat(CompilerHint.longRun(settings(Optional.empty(), "full"))).isTrue();
        assertThat(CompilerHint.longRun(new PipelineSettings(Optional.empty(),
                GeneratorSpec.scale("small").withTransactions(GeneratorSpec.scale("small").transactions() + 1),
                URI.create("file:///tmp/out"), 12, 0.01, 0.2, EngagementWeights.DEFAULT, 4, LoadMethod.BULK_LOAD,
                1000))).isTrue();
    }

    @Test
    void aGivenDatasetMayBeLargeWhateverTheScale() {
        assertThat(CompilerHint.longRun(settings(Optional.of(Path.of("/data/shop")), "tiny"))).isTrue();
    }

    private static PipelineSettings settings(Optional<Path> data, String scale) {
        return new PipelineSettings(data, GeneratorSpec.scale(scale), URI.create("file:///tmp/out"), 12, 0.01, 0.2,
                EngagementWeights.DEFAULT, 4, LoadMethod.BULK_LOAD, 1000);
    }
}
