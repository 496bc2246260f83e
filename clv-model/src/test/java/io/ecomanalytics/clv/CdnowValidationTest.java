package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the summary and both fits against the published CDNOW results (see test resources cdnow/README.md). */
class CdnowValidationTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    /** The published summaries are rounded to two decimals. */
    private static final double ROUNDING = 0.005 + 1e-9;

    private static List<CustomerSummary> summaries;

    @BeforeAll
    static void summarise() {
        summaries = RfmSummaries.summarise(PurchaseLogs.readCdnow(CdnowData.resource("CDNOW_sample.txt")),
                CALIBRATION_END, ClvTimeUnit.WEEKS, PurchaseGrouping.CALENDAR_DAY);
    }

    @Test
    void summaryOfTheSampleEqualsThePublishedCalibrationSummary() throws IOException {
        List<String[]> published = Files.readAllLines(CdnowData.resource("cdnow_customers_summary.csv")).stream()
                .skip(1).map(line -> line.strip().split(",")).toList();
        assertThat(summaries).hasSize(2357).hasSameSizeAs(published);
        Map<Integer, CustomerSummary> byId = summaries.stream()
                .collect(Collectors.toMap(s -> Integer.parseInt(s.customerId()), Function.identity()));
        for (String[] row : published) {
            CustomerSummary ours = byId.get(Integer.parseInt(row[0]));
            assertThat(ours).as("customer %s", row[0]).isNotNull();
            assertThat(ours.frequency()).as("frequency of %s", row[0]).isEqualTo(Integer.parseInt(row[1]));
            assertThat(ours.recency()).as("recency of %s", row[0]).isCloseTo(Double.parseDouble(row[2]),
                    within(ROUNDING));
            assertThat(ours.age()).as("T of %s", row[0]).isCloseTo(Double.parseDouble(row[3]), within(ROUNDING));
        }
    }

    @Test
    void meanRepeatValueEqualsThePublishedZbar() {
        Map<Integer, CustomerSummary> byId = summaries.stream()
                .collect(Collectors.toMap(s -> Integer.parseInt(s.customerId()), Function.identity()));
        for (CdnowData.PublishedSummary row : CdnowData.publishedSummaries()) {
            assertThat(byId.get(row.id()).monetaryValue()).as("zbar of %s", row.id())
                    .isCloseTo(row.monetaryValue(), within(ROUNDING));
        }
    }

    @Test
    void bgNbdFitMatchesThePublishedHighPrecisionFit() {
        BgNbdFit fit = BgNbdFitter.fit(summaries);
        BgNbdParameters parameters = fit.parameters();
        assertThat(parameters.r()).isCloseTo(0.2425945, within(0.2425945e-3));
        assertThat(parameters.alpha()).isCloseTo(4.4136019, within(4.4136019e-3));
        assertThat(parameters.a()).isCloseTo(0.7929199, within(0.7929199e-3));
        assertThat(parameters.b()).isCloseTo(2.4258881, within(2.4258881e-3));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.429, within(0.01));
        assertThat(fit.customers()).isEqualTo(2357);
    }

    @Test
    void bgNbdStandardErrorsAreThoseOfThePublishedFit() {
        BgNbdFit.StandardErrors errors = BgNbdFitter.fit(summaries).standardErrors();
        // The lifetimes documentation (Quickstart, BetaGeoFitter.summary on the CDNOW summary) reports
        // se(coef) r 0.012557, alpha 0.378221, a 0.185719, b 0.705345 for the same maximum.
        assertThat(errors.r()).isCloseTo(0.0125, within(0.0005));
        assertThat(errors.alpha()).isCloseTo(0.378, within(0.01));
        assertThat(errors.a()).isCloseTo(0.186, within(0.01));
        assertThat(errors.b()).isCloseTo(0.705, within(0.03));
    }

    @Test
    void conditionalExpectationOfThePublishedExampleCustomer() {
        BgNbdParameters published = new BgNbdParameters(0.2425945, 4.4136019, 0.7929199, 2.4258881);
        assertThat(published.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.001));
    }

    @Test
    void fittedPmfReproducesTheObservedNumberOfCustomersWithoutRepeatPurchases() {
        BgNbdParameters published = new BgNbdParameters(0.2425945, 4.4136019, 0.7929199, 2.4258881);
        List<CdnowData.PublishedSummary> rows = CdnowData.publishedSummaries();
        long observed = rows.stream().filter(row -> row.frequency() == 0).count();
        double expected = rows.stream().mapToDouble(row -> published.purchaseProbability(0, row.age())).sum();
        // The model fits the calibration histogram closely (Fader, Hardie and Lee 2005, figure 2).
        assertThat(observed).isEqualTo(1411);
        assertThat(expected).isCloseTo(observed, within(0.02 * observed));
    }

    @Test
    void gammaGammaFitMatchesThePublishedParameters() {
        GammaGammaFit fit = GammaGammaFitter.fit(summaries);
        assertThat(fit.customers()).isEqualTo(946);
        assertThat(fit.parameters().p()).isCloseTo(6.25, within(0.02));
        assertThat(fit.parameters().q()).isCloseTo(3.74, within(0.02));
        assertThat(fit.parameters().gamma()).isCloseTo(15.44, within(0.02));
    }
}
