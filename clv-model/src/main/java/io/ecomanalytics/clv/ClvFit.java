package io.ecomanalytics.clv;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole file-to-predictions pipeline behind the runner's {@code clv-fit} command: read a purchase log,
 * summarise it, fit BG/NBD and Gamma-Gamma, and write one prediction per customer.
 */
public final class ClvFit {

    /** Name of the predictions file written into the output directory. */
    public static final String PREDICTIONS_FILE = "clv-predictions.csv";
    /** Name of the JSON copy of the result written into the output directory. */
    public static final String RESULT_FILE = "clv-fit.json";
    /** Header of the predictions CSV; times are in the run's unit, money in the log's currency. */
    public static final String PREDICTIONS_HEADER = "customer_id,frequency,recency,T,monetary_value,"
            + "expected_purchases,probability_alive,expected_average_order_value,clv";

    private static final Logger LOG = LoggerFactory.getLogger(ClvFit.class);

    private ClvFit() {
    }

    /**
     * Fits both models to a purchase log and writes {@value #PREDICTIONS_FILE} (header {@link #PREDICTIONS_HEADER},
     * one row per customer of the calibration cohort, sorted by customer id; expected purchases and CLV cover the
     * horizon) and {@value #RESULT_FILE} (the {@link ClvFitResult#toJson()} text) into {@code outputDirectory},
     * creating it if needed.
     *
     * @param input               the purchase log
     * @param format              its format
     * @param grouping            what counts as one purchase ({@link InputFormat#defaultGrouping()} suits the format)
     * @param calibrationEnd      last day of the calibration period, or null for the day of the latest purchase
     * @param unit                time unit of recency, T and the BG/NBD parameters
     * @param horizonMonths       prediction horizon in months, at least 1
     * @param monthlyDiscountRate monthly discount rate of the lifetime value, 0 or more
     * @param outputDirectory     where the two files go
     */
    public static ClvFitResult run(Path input, InputFormat format, PurchaseGrouping grouping,
                                   LocalDate calibrationEnd, ClvTimeUnit unit, int horizonMonths,
                                   double monthlyDiscountRate, Path outputDirectory) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("input " + input + " is not a readable file; pass the path of a "
                    + format.name().toLowerCase(Locale.ROOT) + " purchase log");
        }
        List<Purchase> purchases = format.read(input);
        if (purchases.isEmpty()) {
            throw new IllegalArgumentException("input " + input + " holds no purchases; an RFM summary needs at"
                    + " least one purchase");
        }
        LocalDate end = calibrationEnd != null ? calibrationEnd
                : purchases.stream().map(Purchase::date).max(Comparator.naturalOrder()).orElseThrow();
        List<CustomerSummary> summaries = RfmSummaries.summarise(purchases, end, unit, grouping);
        LOG.info("{}: {} purchases, {} customers in the cohort up to {}", input, purchases.size(), summaries.size(),
                end);
        BgNbdFit purchaseFit = BgNbdFitter.fit(summaries);
        GammaGammaFit spendFit = GammaGammaFitter.fit(summaries);
        ClvScorer scorer = new ClvScorer(purchaseFit.parameters(), spendFit.parameters(), unit, horizonMonths,
                monthlyDiscountRate);
        Path predictions = outputDirectory.resolve(PREDICTIONS_FILE);
        try {
            Files.createDirectories(outputDirectory);
            writePredictions(predictions, summaries, scorer);
            ClvFitResult result = new ClvFitResult(end, unit, grouping, horizonMonths, monthlyDiscountRate,
                    purchaseFit, spendFit, predictions);
            Files.writeString(outputDirectory.resolve(RESULT_FILE), result.toJson() + System.lineSeparator(),
                    StandardCharsets.UTF_8);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CLV results into " + outputDirectory + ": "
                    + e.getMessage() + "; check that the directory is writable", e);
        }
    }

    private static void writePredictions(Path file, List<CustomerSummary> summaries, ClvScorer scorer)
            throws IOException {
        CsvSchema.Builder columns = CsvSchema.builder().setUseHeader(true);
        for (String column : PREDICTIONS_HEADER.split(",")) {
            columns.addColumn(column);
        }
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SequenceWriter rows = CsvMapper.builder()
                     .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build()
                     .writer(columns.build()).writeValues(writer)) {
            for (CustomerSummary summary : summaries) {
                CustomerPrediction p = scorer.score(summary);
                rows.write(new Object[] {p.customerId(), p.frequency(), p.recency(), p.age(), p.monetaryValue(),
                    p.expectedPurchases(), p.probabilityAlive(), p.expectedAverageOrderValue(),
                    p.customerLifetimeValue()});
            }
        }
    }
}
