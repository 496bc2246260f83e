package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfmSummariesTest {

    private static final LocalDate END = LocalDate.of(2024, 1, 31);

    private static final List<Purchase> LOG = List.of(
            new Purchase("alice", LocalDate.of(2024, 1, 1), 10.0),
            new Purchase("alice", LocalDate.of(2024, 1, 1), 5.0),
            new Purchase("alice", LocalDate.of(2024, 1, 8), 20.0),
            new Purchase("alice", LocalDate.of(2024, 1, 15), 12.0),
            new Purchase("alice", LocalDate.of(2024, 1, 15), 18.0),
            new Purchase("alice", LocalDate.of(2024, 2, 10), 7.0),
            new Purchase("bob", LocalDate.of(2024, 1, 29), 40.0),
            new Purchase("carol", LocalDate.of(2024, 2, 3), 99.0));

    @Test
    void summarisesWithSameDayPurchasesMerged() {
        List<CustomerSummary> summaries = RfmSummaries.summarise(LOG, END, ClvTimeUnit.WEEKS,
                PurchaseGrouping.CALENDAR_DAY);
        // alice: days 01-01, 01-08, 01-15 (two orders each on 01-01 and 01-15): x = 2, t_x = 14 days,
        // T = 30 days, repeat days worth 20 and 30. bob: one day, 2 days before the end. carol starts after it.
        assertThat(summaries).containsExactly(
                new CustomerSummary("alice", 2, 2.0, 30.0 / 7, 25.0),
                new CustomerSummary("bob", 0, 0.0, 2.0 / 7, 0.0));
    }

    @Test
    void measuresInDaysWhenAsked() {
        CustomerSummary alice = RfmSummaries.summarise(LOG, END, ClvTimeUnit.DAYS,
                PurchaseGrouping.CALENDAR_DAY).get(0);
        assertThat(alice.recency()).isEqualTo(14.0);
        assertThat(alice.age()).isEqualTo(30.0);
    }

    @Test
    void splitsCalibrationAndHoldout() {
        List<CalibrationHoldoutSummary> split = RfmSummaries.calibrationAndHoldout(LOG, END,
                LocalDate.of(2024, 2, 29), ClvTimeUnit.DAYS, PurchaseGrouping.CALENDAR_DAY);
        assertThat(split).hasSize(2);
        assertThat(split.get(0).calibration().customerId()).isEqualTo("alice");
        assertThat(split.get(0).holdoutFrequency()).isEqualTo(1);
        assertThat(split.get(0).holdoutMonetaryValue()).isEqualTo(7.0);
        assertThat(split.get(0).holdoutDuration()).isEqualTo(29.0);
        assertThat(split.get(1).holdoutFrequency()).isZero();
        assertThat(split.get(1).holdoutMonetaryValue()).isZero();
    }

    @Test
    void cdnowHoldoutCountsEqualAPlainCountOfPurchaseDays() throws IOException {
        // Independent count: distinct (sample id, day) pairs after 1997-09-30 in the raw file.
        long purchaseDays = Files.readAllLines(CdnowData.resource("CDNOW_sample.txt")).stream()
                .map(String::strip).filter(line -> !line.isEmpty()).map(line -> line.split("\\s+"))
                .filter(fields -> Integer.parseInt(fields[2]) > 19970930)
                .map(fields -> fields[1] + "/" + fields[2]).distinct().count();
        List<CalibrationHoldoutSummary> split = RfmSummaries.calibrationAndHoldout(
                PurchaseLogs.readCdnow(CdnowData.resource("CDNOW_sample.txt")), LocalDate.of(1997, 9, 30),
                LocalDate.of(1998, 6, 30), ClvTimeUnit.WEEKS, PurchaseGrouping.CALENDAR_DAY);
        assertThat(split).hasSize(2357);
        assertThat(split.stream().mapToLong(CalibrationHoldoutSummary::holdoutFrequency).sum())
                .isEqualTo(purchaseDays);
        assertThat(split.get(0).holdoutDuration()).isCloseTo(39.0, within(1e-12));
    }

    /** Three purchases, two of them on one day, then two holdout purchases on one day. */
    private static final List<Purchase> TIMED_LOG = List.of(
            new Purchase("dora", Instant.parse("2024-01-01T10:00:00Z"), 25.50),
            new Purchase("dora", Instant.parse("2024-01-03T12:00:00Z"), 10.00),
            new Purchase("dora", Instant.parse("2024-01-03T09:00:00Z"), 15.52),
            new Purchase("dora", Instant.parse("2024-01-12T20:00:00Z"), 10.00),
            new Purchase("dora", Instant.parse("2024-01-12T08:00:00Z"), 30.00));

    @Test
    void exactTimesCountEveryPurchaseAndMeasureFromTheFirstOnesTime() {
        // Calibration to the end of 2024-01-09: repeat purchases at +1 day 23 h and +2 days 2 h, worth 15.52 and
        // 10.00; recency 2 days 2 h = 50 / 24 days, T to 2024-01-10T00:00 = 8 days 14 h = 206 / 24 days.
        List<CalibrationHoldoutSummary> split = RfmSummaries.calibrationAndHoldout(TIMED_LOG,
                LocalDate.of(2024, 1, 9), LocalDate.of(2024, 1, 15), ClvTimeUnit.DAYS, PurchaseGrouping.EXACT_TIME);

        CustomerSummary dora = split.get(0).calibration();
        assertThat(dora.frequency()).isEqualTo(2);
        assertThat(dora.recency()).isCloseTo(50.0 / 24, within(1e-12));
        assertThat(dora.age()).isCloseTo(206.0 / 24, within(1e-12));
        assertThat(dora.monetaryValue()).isCloseTo(12.76, within(1e-12));
        assertThat(split.get(0).holdoutFrequency()).isEqualTo(2);
        assertThat(split.get(0).holdoutMonetaryValue()).isEqualTo(20.0);
        assertThat(split.get(0).holdoutDuration()).isEqualTo(6.0);
        assertThat(RfmSummaries.summarise(TIMED_LOG, LocalDate.of(2024, 1, 9), ClvTimeUnit.WEEKS,
                PurchaseGrouping.EXACT_TIME).get(0).age()).isCloseTo(206.0 / 24 / 7, within(1e-12));
    }

    @Test
    void calendarDaysMergeTheSameLogsPurchasesOfOneDay() {
        // Days 01-01 (25.50) and 01-03 (25.52): one repeat day 2 days on, T = 8 days to 2024-01-09; the holdout's
        // two purchases on 01-12 are one day worth 40.
        List<CalibrationHoldoutSummary> split = RfmSummaries.calibrationAndHoldout(TIMED_LOG,
                LocalDate.of(2024, 1, 9), LocalDate.of(2024, 1, 15), ClvTimeUnit.DAYS, PurchaseGrouping.CALENDAR_DAY);

        assertThat(split.get(0).calibration()).isEqualTo(new CustomerSummary("dora", 1, 2.0, 8.0, 25.52));
        assertThat(split.get(0).holdoutFrequency()).isEqualTo(1);
        assertThat(split.get(0).holdoutMonetaryValue()).isEqualTo(40.0);
    }

    @Test
    void rejectsAnEmptyLog() {
        assertThatThrownBy(() -> RfmSummaries.summarise(List.of(), END, ClvTimeUnit.WEEKS,
                PurchaseGrouping.CALENDAR_DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the purchase log is empty; an RFM summary needs at least one purchase"
                        + " (check the input file and its format)");
    }

    @Test
    void rejectsACalibrationEndBeforeEveryPurchase() {
        assertThatThrownBy(() -> RfmSummaries.summarise(LOG, LocalDate.of(2023, 12, 31), ClvTimeUnit.WEEKS,
                PurchaseGrouping.CALENDAR_DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no customer made a purchase on or before the calibration end 2023-12-31;"
                        + " choose a later calibration end");
    }

    @Test
    void rejectsAHoldoutEndBeforeTheCalibrationEnd() {
        assertThatThrownBy(() -> RfmSummaries.calibrationAndHoldout(LOG, END, END, ClvTimeUnit.WEEKS,
                PurchaseGrouping.CALENDAR_DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("holdout end 2024-01-31 must come after calibration end 2024-01-31");
    }

    @Test
    void rejectsNegativeAmounts() {
        assertThatThrownBy(() -> new Purchase("dave", END, -3.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("purchase of customer dave at 2024-01-31T00:00:00Z has amount -3.5; amounts must be"
                        + " finite and not negative (remove refunds and returns before summarising, they are not purchases)");
    }

    @Test
    void rejectsASummaryWhoseAgeIsShorterThanItsRecency() {
        assertThatThrownBy(() -> new CustomerSummary("erin", 3, 10.0, 8.0, 12.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customer erin: T 8.0 is smaller than recency 10.0; the last purchase"
                        + " cannot come after the end of the calibration period");
    }
}
