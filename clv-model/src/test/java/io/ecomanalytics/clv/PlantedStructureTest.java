package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.ProgressListener;
import io.ecomanalytics.data.RecordStream;
import io.ecomanalytics.data.Transaction;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default {@code small} dataset (realistic behaviour) fitted as the pipeline fits it (RFM summaries on exact
 * purchase times, BG/NBD and Gamma-Gamma, 12-month CLV at 1% a month) shows the planted structure: customers'
 * P(alive) spreads widely, and the median CLV of the planted segments differ at least threefold.
 */
class PlantedStructureTest {

    @TempDir
    static Path folder;

    static GeneratorSpec spec = GeneratorSpec.scale("small");
    static List<CustomerSummary> summaries;
    static List<CustomerPrediction> predictions = new ArrayList<>();
    static Map<String, String> segmentOf = new HashMap<>();

    @BeforeAll
    static void generateAndScore() {
        DatasetGenerator.generate(spec, folder, ProgressListener.NONE);
        List<Purchase> purchases = new ArrayList<>();
        try (RecordStream<Transaction> transactions = DatasetFiles.open(folder).transactions()) {
            transactions.forEachRemaining(transaction -> purchases.add(new Purchase(transaction.userId(),
                    transaction.timestamp(), transaction.total().doubleValue())));
        }
        summaries = RfmSummaries.summarise(purchases, calibrationEnd(), ClvTimeUnit.DAYS,
                PurchaseGrouping.EXACT_TIME);
        ClvScorer scorer = new ClvScorer(BgNbdFitter.fit(summaries).parameters(),
                GammaGammaFitter.fit(summaries).parameters(), ClvTimeUnit.DAYS, 12, 0.01);
        summaries.forEach(summary -> predictions.add(scorer.score(summary)));
        for (JsonNode user : PlantedDatasets.users(folder)) {
            segmentOf.put(user.path("user_id").asText(), user.path("segment").asText());
        }
    }

    @Test
    void exactTimeSummariesEqualASummaryOfTheTimestampsMadeApart() {
        // The calibration ends at the end of the day before the period end, which is a midnight: the period end.
        assertThat(calibrationEndInstant()).isEqualTo(spec.periodEnd());
        List<CustomerSummary> expected = PlantedDatasets.continuousSummaries(folder, spec.periodEnd());

        assertThat(summaries).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            CustomerSummary actual = summaries.get(i);
            CustomerSummary independent = expected.get(i);
            assertThat(actual.customerId()).isEqualTo(independent.customerId());
            assertThat(actual.frequency()).as(actual.customerId()).isEqualTo(independent.frequency());
            assertThat(actual.recency()).as(actual.customerId()).isCloseTo(independent.recency(), within(1e-9));
            assertThat(actual.age()).as(actual.customerId()).isCloseTo(independent.age(), within(1e-9));
            assertThat(actual.monetaryValue()).as(actual.customerId())
                    .isCloseTo(independent.monetaryValue(), within(1e-9));
        }
    }

    @Test
    void probabilityAliveSpreadsWidely() {
        double[] alive = predictions.stream().mapToDouble(CustomerPrediction::probabilityAlive).sorted().toArray();
        assertThat(alive[(int) (0.1 * alive.length)]).isLessThan(0.5);
        assertThat(alive[(int) (0.9 * alive.length)]).isGreaterThan(0.9);
    }

    @Test
    void medianCustomerValueOfThePlantedSegmentsDiffersAtLeastThreefold() {
        Map<String, List<Double>> values = new HashMap<>();
        predictions.forEach(prediction -> values.computeIfAbsent(segmentOf.get(prediction.customerId()),
                segment -> new ArrayList<>()).add(prediction.customerLifetimeValue()));
        Map<String, Double> medians = new HashMap<>();
        values.forEach((segment, list) -> medians.put(segment,
                list.stream().sorted().toList().get(list.size() / 2)));
        System.out.println("median 12-month CLV by planted segment: " + medians);
        assertThat(medians.get("loyal_high_value")).isGreaterThan(3 * medians.get("churned"));
        assertThat(medians.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .isGreaterThan(3 * medians.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow());
    }

    private static LocalDate calibrationEnd() {
        return LocalDate.ofInstant(spec.periodEnd(), ZoneOffset.UTC).minusDays(1);
    }

    private static Instant calibrationEndInstant() {
        return calibrationEnd().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
