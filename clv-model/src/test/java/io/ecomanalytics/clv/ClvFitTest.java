package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClvFitTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    @TempDir
    Path directory;

    @Test
    void fitsCdnowAndWritesPredictionsAndJson() throws IOException {
        Path out = directory.resolve("out");
        ClvFitResult result = ClvFit.run(CdnowData.resource("CDNOW_sample.txt"), InputFormat.CDNOW,
                PurchaseGrouping.CALENDAR_DAY, CALIBRATION_END, ClvTimeUnit.WEEKS, 12, 0.01, out);

        assertThat(result.purchaseFit().parameters().r()).isCloseTo(0.2425945, within(0.2425945e-3));
        assertThat(result.purchaseFit().logLikelihood()).isCloseTo(-9582.429, within(0.01));
        assertThat(result.spendFit().parameters().q()).isCloseTo(3.74, within(0.02));
        List<String> lines = Files.readAllLines(out.resolve(ClvFit.PREDICTIONS_FILE));
        assertThat(lines).hasSize(2358);
        assertThat(lines.get(0)).isEqualTo("customer_id,frequency,recency,T,monetary_value,expected_purchases,"
                + "probability_alive,expected_average_order_value,clv");
        String[] first = lines.get(1).split(",");
        assertThat(first[0]).isEqualTo("0001");
        assertThat(first[1]).isEqualTo("2");
        assertThat(Double.parseDouble(first[2])).isCloseTo(30.43, within(0.005));
        assertThat(Double.parseDouble(first[6])).isBetween(0.0, 1.0);
        assertThat(Double.parseDouble(first[8])).isPositive();
        String json = Files.readString(out.resolve(ClvFit.RESULT_FILE)).strip();
        assertThat(json).isEqualTo(result.toJson())
                .startsWith("{\"calibration_end\":\"1997-09-30\",\"unit\":\"weeks\","
                        + "\"purchase_grouping\":\"calendar_day\","
                        + "\"horizon_months\":12,"
                        + "\"monthly_discount_rate\":0.01,\"predictions\":")
                .contains("\"bg_nbd\":{\"customers\":2357,\"log_likelihood\":-9582.4")
                .contains("\"gamma_gamma\":{\"customers\":946,");
    }

    @Test
    void transactionsCsvGivesTheSameFitAsTheCdnowLog() throws IOException {
        // Rewrite the CDNOW sample as a transactions CSV with a plain pass over its lines.
        List<String> csv = new ArrayList<>(List.of("customer_id,timestamp,amount"));
        for (String line : Files.readAllLines(CdnowData.resource("CDNOW_sample.txt"))) {
            String[] f = line.strip().split("\\s+");
            csv.add(f[1] + "," + f[2].substring(0, 4) + "-" + f[2].substring(4, 6) + "-" + f[2].substring(6)
                    + "T12:00:00," + f[4]);
        }
        Path input = Files.write(directory.resolve("transactions.csv"), csv);
        ClvFitResult result = ClvFit.run(input, InputFormat.TRANSACTIONS, PurchaseGrouping.CALENDAR_DAY,
                CALIBRATION_END, ClvTimeUnit.WEEKS, 6, 0.0,
                directory.resolve("out"));
        assertThat(result.purchaseFit().parameters().alpha()).isCloseTo(4.4136019, within(4.4136019e-3));
        assertThat(result.spendFit().parameters().gamma()).isCloseTo(15.44, within(0.02));
    }

    @Test
    void predictionsKeepIdsWithCommasQuotesAndNonAsciiLettersAsTheInputSpellsThem() throws IOException {
        List<String> ids = List.of("Smith, Jane", "say \"hi\"", "Zoë", "李雷", "plain");
        // The input is written with RFC 4180 quoting by hand, independently of the code under test.
        StringBuilder csv = new StringBuilder("customer_id,timestamp,amount\n");
        for (String id : ids) {
            String quoted = '"' + id.replace("\"", "\"\"") + '"';
            csv.append(quoted).append(",2024-01-03T10:00:00,20\n").append(quoted).append(",2024-02-10T10:00:00,30\n");
        }
        Path input = Files.writeString(directory.resolve("odd-ids.csv"), csv, StandardCharsets.UTF_8);
        ClvFitResult result = ClvFit.run(input, InputFormat.TRANSACTIONS, PurchaseGrouping.EXACT_TIME,
                LocalDate.of(2024, 3, 1), ClvTimeUnit.DAYS, 3, 0.0, directory.resolve("out"));

        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(result.predictionsFile().toFile())) {
            List<Map<String, String>> predictions = rows.readAll();
            assertThat(predictions).extracting(row -> row.get("customer_id"))
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(predictions).allSatisfy(row -> assertThat(row.get("frequency")).isEqualTo("1"));
        }
    }

    @Test
    void defaultsTheCalibrationEndToTheLatestPurchase() throws IOException {
        ClvFitResult result = ClvFit.run(CdnowData.resource("CDNOW_sample.txt"), InputFormat.CDNOW,
                PurchaseGrouping.CALENDAR_DAY, null, ClvTimeUnit.DAYS, 1, 0.0, directory);
        assertThat(result.calibrationEnd()).isEqualTo(LocalDate.of(1998, 6, 30));
        assertThat(result.unit()).isEqualTo(ClvTimeUnit.DAYS);
    }

    @Test
    void rejectsAMissingOrEmptyInput() throws IOException {
        Path missing = directory.resolve("missing.csv");
        assertThatThrownBy(() -> ClvFit.run(missing, InputFormat.TRANSACTIONS,
                PurchaseGrouping.EXACT_TIME, null, ClvTimeUnit.WEEKS, 12, 0.01,
                directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input " + missing + " is not a readable file; pass the path of a transactions"
                        + " purchase log");
        Path empty = Files.writeString(directory.resolve("empty.csv"), "customer_id,timestamp,amount\n");
        assertThatThrownBy(() -> ClvFit.run(empty, InputFormat.TRANSACTIONS,
                PurchaseGrouping.EXACT_TIME, null, ClvTimeUnit.WEEKS, 12, 0.01,
                directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input " + empty + " holds no purchases; an RFM summary needs at least one purchase");
    }
}
