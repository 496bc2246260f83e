package io.ecomanalytics.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.ProgressListener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every analytic on the generated {@code small} dataset equals an independent plain-Java pass over the same JSON
 * files ({@link ReferenceAnalytics}), money to the cent and ratios to the last bit.
 */
class SmallDatasetTest {

    private static final Instant OBSERVATION_END = Instant.parse("2024-12-15T00:00:00Z");
    private static final int TOP_PAIRS = 5;
    private static final int BUCKET_SECONDS = 60;

    @TempDir
    static Path folder;
    private static Map<String, List<String>> expected;
    private static Map<Analytic, Dataset<Row>> actual;
    private static long rejected;
    private static JsonDatasetReader.CleanedFiles read;

    @BeforeAll
    static void generateAndCompute() {
        DatasetGenerator.generate(GeneratorSpec.scale("small"), folder, ProgressListener.NONE);
        expected = ReferenceAnalytics.compute(folder, OBSERVATION_END, TOP_PAIRS, BUCKET_SECONDS);
        read = JsonDatasetReader.read(SharedSpark.session(), folder);
        rejected = read.rejected();
        actual = Analytics.all(read.tables(), OBSERVATION_END, TOP_PAIRS, BUCKET_SECONDS);
    }

    @AfterAll
    static void releaseTheCache() {
        read.close();
    }

    /** The rows of a Spark result rendered like {@link ReferenceAnalytics}: timestamps and dates as UTC text. */
    private static List<String> rendered(Dataset<Row> dataset) {
        String[] columns = java.util.Arrays.stream(dataset.schema().fields())
                .map(field -> field.dataType().typeName().startsWith("timestamp")
                        || field.dataType().typeName().equals("date")
                        ? "cast(`" + field.name() + "` as string)" : "`" + field.name() + "`")
                .toArray(String[]::new);
        return dataset.selectExpr(columns).collectAsList().stream()
                .map(row -> IntStream.range(0, row.length()).mapToObj(index -> String.valueOf((Object) row.get(index)))
                        .collect(Collectors.joining("|")))
                .toList();
    }

    @Test
    void theGeneratedDatasetIsCleanSoNothingIsRejected() {
        assertThat(rejected).isZero();
    }

    @Test
    void everyAnalyticEqualsThePlainJavaPass() {
        assertThat(actual.keySet()).extracting(Analytic::tableName)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, List<String>> analytic : expected.entrySet()) {
            Analytic named = Analytic.valueOf(analytic.getKey().toUpperCase(Locale.ROOT));
            List<String> sparkRows = rendered(actual.get(named));
            assertThat(sparkRows).as(analytic.getKey()).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(analytic.getValue());
        }
    }
}
