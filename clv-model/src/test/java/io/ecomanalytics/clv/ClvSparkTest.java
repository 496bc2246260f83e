package io.ecomanalytics.clv;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClvSparkTest {

    private static final StructType INPUT = new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("frequency", DataTypes.LongType)
            .add("recency", DataTypes.DoubleType)
            .add("T", DataTypes.DoubleType)
            .add("monetary_value", DataTypes.DoubleType)
            .add("segment", DataTypes.StringType);

    private static List<CustomerSummary> summaries;
    private static Dataset<Row> customers;

    @BeforeAll
    static void loadCdnowSummaries() {
        summaries = RfmSummaries.summarise(PurchaseLogs.readCdnow(CdnowData.resource("CDNOW_sample.txt")),
                LocalDate.of(1997, 9, 30), ClvTimeUnit.WEEKS, PurchaseGrouping.CALENDAR_DAY);
        List<Row> rows = summaries.stream()
                .map(s -> RowFactory.create(s.customerId(), (long) s.frequency(), s.recency(), s.age(),
                        s.monetaryValue(), "ignored"))
                .toList();
        customers = SharedSpark.session().createDataFrame(rows, INPUT).repartition(3);
    }

    @Test
    void fitsFromTheAggregatedDataFrameToThePublishedParameters() {
        BgNbdFit purchases = ClvSpark.fitBgNbd(customers);
        assertThat(purchases.customers()).isEqualTo(2357);
        assertThat(purchases.parameters().r()).isCloseTo(0.2425945, within(0.2425945e-3));
        assertThat(purchases.parameters().b()).isCloseTo(2.4258881, within(2.4258881e-3));
        assertThat(purchases.logLikelihood()).isCloseTo(-9582.429, within(0.01));
        GammaGammaFit spend = ClvSpark.fitGammaGamma(customers);
        assertThat(spend.customers()).isEqualTo(946);
        assertThat(spend.parameters().p()).isCloseTo(6.25, within(0.02));
    }

    @Test
    void theFitsAreTheSameToTheLastDigitHoweverSparkPartitionsTheCustomers() {
        Dataset<Row> onePartition = customers.repartition(1);
        Dataset<Row> reordered = customers.orderBy(col("customer_id").desc())
                .repartition(7);

        assertThat(ClvSpark.fitBgNbd(reordered)).isEqualTo(ClvSpark.fitBgNbd(onePartition));
        assertThat(ClvSpark.fitGammaGamma(reordered)).isEqualTo(ClvSpark.fitGammaGamma(onePartition));
    }

    @Test
    void calibrationHoldoutSummariesEqualThePlainJavaSplitOfTheCdnowLog() {
        // The published CDNOW split: calibration to 1997-09-30, holdout to 1998-06-30 (39 weeks).
        List<CalibrationHoldoutSummary> expected = RfmSummaries.calibrationAndHoldout(
                PurchaseLogs.readCdnow(CdnowData.resource("CDNOW_sample.txt")), LocalDate.of(1997, 9, 30),
                LocalDate.of(1998, 6, 30), ClvTimeUnit.WEEKS, PurchaseGrouping.CALENDAR_DAY);
        StructType holdoutSchema = new StructType().add("customer_id", DataTypes.StringType)
                .add("holdout_frequency", DataTypes.LongType).add("holdout_spend", DataTypes.DoubleType);
        List<Row> holdoutRows = expected.stream().filter(customer -> customer.holdoutFrequency() > 0)
                .map(customer -> RowFactory.create(customer.calibration().customerId(),
                        (long) customer.holdoutFrequency(),
                        customer.holdoutFrequency() * customer.holdoutMonetaryValue()))
                .toList();
        Dataset<Row> holdout = SharedSpark.session().createDataFrame(holdoutRows, holdoutSchema);

        List<CalibrationHoldoutSummary> actual = ClvSpark.calibrationHoldoutSummaries(customers, holdout, 39.0);

        assertThat(actual).hasSize(2357);
        Map<String, CalibrationHoldoutSummary> byId = expected.stream()
                .collect(Collectors.toMap(customer -> customer.calibration().customerId(), Function.identity()));
        assertThat(actual).allSatisfy(customer -> {
            CalibrationHoldoutSummary reference = byId.get(customer.calibration().customerId());
            assertThat(customer.calibration()).isEqualTo(reference.calibration());
            assertThat(customer.holdoutFrequency()).isEqualTo(reference.holdoutFrequency());
            assertThat(customer.holdoutDuration()).isCloseTo(reference.holdoutDuration(), within(1e-12));
            assertThat(customer.holdoutMonetaryValue()).isCloseTo(reference.holdoutMonetaryValue(), within(1e-9));
        });
    }

    @Test
    void scoresEveryCustomerLikeThePlainJavaScorer() {
        ClvScorer scorer = new ClvScorer(new BgNbdParameters(0.2425945, 4.4136019, 0.7929199, 2.4258881),
                new GammaGammaParameters(6.25, 3.74, 15.44), ClvTimeUnit.WEEKS, 12, 0.01);
        Dataset<Row> scored = ClvSpark.score(customers, scorer);
        assertThat(scored.schema()).isEqualTo(ClvSpark.predictionSchema());
        Map<String, Row> byId = scored.collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getString(0), Function.identity()));
        assertThat(byId).hasSize(2357);
        for (CustomerSummary summary : summaries) {
            Row row = byId.get(summary.customerId());
            double horizon = 12 * 365.25 / 12 / 7;
            assertThat(row.getInt(1)).isEqualTo(summary.frequency());
            assertThat(row.getDouble(5)).isCloseTo(scorer.purchaseModel()
                    .conditionalExpectedPurchases(horizon, summary), within(1e-12));
            assertThat(row.getDouble(6)).isEqualTo(scorer.purchaseModel().probabilityAlive(summary));
            assertThat(row.getDouble(7)).isEqualTo(scorer.spendModel()
                    .conditionalExpectedAverageValue(summary.frequency(), summary.monetaryValue()));
            assertThat(row.getDouble(8)).isCloseTo(scorer.customerLifetimeValue(summary.frequency(),
                    summary.recency(), summary.age(), summary.monetaryValue()), within(1e-9));
        }
    }

    @Test
    void refusesToFitHistoriesWithNulls() {
        Dataset<Row> withNull = SharedSpark.session().createDataFrame(List.of(
                RowFactory.create("a", 1L, null, 38.0, 10.0, "x"),
                RowFactory.create("b", 0L, 0.0, 38.0, 0.0, "x")), INPUT);
        assertThatThrownBy(() -> ClvSpark.fitBgNbd(withNull))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the customer DataFrame has 1 rows with a null among"
                        + " [frequency, recency, T, count] ([1,null,38.0,1]); fill the summary");
    }

    @Test
    void namesMissingColumns() {
        Dataset<Row> incomplete = customers.drop("T");
        assertThatThrownBy(() -> ClvSpark.fitBgNbd(incomplete))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the customer DataFrame lacks the columns [T] (it has [customer_id, frequency,"
                        + " monetary_value, recency, segment]); CLV scoring needs [customer_id, frequency, recency,"
                        + " T, monetary_value] per customer");
    }
}
