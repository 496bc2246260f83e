package io.ecomanalytics.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds per-customer RFM summaries from a purchase log.
 *
 * <p>Purchases of one customer on the same day are merged into one purchase period whose value is their sum (the
 * BG/NBD convention: a basket split over several orders is one purchase occasion). For a calibration end E and a
 * customer whose first purchase day is F and last purchase day on or before E is L, measured in the chosen unit:
 * frequency x = number of distinct purchase days in [F, E] minus one; recency t_x = L - F; age T = E - F; monetary
 * value = mean value of the purchase days after F (0 when x = 0). With E = 1997-09-30 and weeks this reproduces the
 * published 39-week CDNOW calibration (T = 272 days / 7 = 38.86 for a first purchase on 1997-01-01). Customers whose
 * first purchase comes after E are not part of the calibration cohort and are left out. Summaries are returned
 * sorted by customer id.
 */
public final class RfmSummaries {

    private RfmSummaries() {
    }

    /**
     * Summarises every customer with a purchase on or before {@code calibrationEnd}.
     *
     * @throws IllegalArgumentException when the log is empty or no customer bought on or before the calibration end
     */
    public static List<CustomerSummary> summarise(Collection<Purchase> purchases, LocalDate calibrationEnd,
                                                  TimeUnit unit) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(unit, "unit");
        List<CustomerSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, TreeMap<LocalDate, Double>> customer : dailyTotals(purchases).entrySet()) {
            TreeMap<LocalDate, Double> calibrationDays = new TreeMap<>(customer.getValue().headMap(calibrationEnd, true));
            if (!calibrationDays.isEmpty()) {
                summaries.add(summary(customer.getKey(), calibrationDays, calibrationEnd, unit));
            }
        }
        requireCohort(summaries, calibrationEnd);
        return summaries;
    }

    /**
     * Summarises the calibration period up to {@code calibrationEnd} and counts the purchase days in the holdout
     * period ({@code calibrationEnd}, {@code holdoutEnd}] for every customer of the calibration cohort.
     *
     * @throws IllegalArgumentException when the holdout end is not after the calibration end, the log is empty or
     *                                  no customer bought on or before the calibration end
     */
    public static List<CalibrationHoldoutSummary> calibrationAndHoldout(Collection<Purchase> purchases,
                                                                        LocalDate calibrationEnd,
                                                                        LocalDate holdoutEnd, TimeUnit unit) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(holdoutEnd, "holdoutEnd");
        Objects.requireNonNull(unit, "unit");
        if (!holdoutEnd.isAfter(calibrationEnd)) {
            throw new IllegalArgumentException("holdout end " + holdoutEnd + " must come after calibration end "
                    + calibrationEnd + "; the holdout period is (calibration end, holdout end]");
        }
        double holdoutDuration = ChronoUnit.DAYS.between(calibrationEnd, holdoutEnd) / unit.days();
        List<CalibrationHoldoutSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, TreeMap<LocalDate, Double>> customer : dailyTotals(purchases).entrySet()) {
            TreeMap<LocalDate, Double> days = customer.getValue();
            TreeMap<LocalDate, Double> calibrationDays = new TreeMap<>(days.headMap(calibrationEnd, true));
            if (calibrationDays.isEmpty()) {
                continue;
            }
            Collection<Double> holdoutDays = days.subMap(calibrationEnd, false, holdoutEnd, true).values();
            double holdoutValue = holdoutDays.stream().mapToDouble(Double::doubleValue).sum();
            summaries.add(new CalibrationHoldoutSummary(
                    summary(customer.getKey(), calibrationDays, calibrationEnd, unit),
                    holdoutDays.size(), holdoutDuration,
                    holdoutDays.isEmpty() ? 0.0 : holdoutValue / holdoutDays.size()));
        }
        requireCohort(summaries, calibrationEnd);
        return summaries;
    }

    private static TreeMap<String, TreeMap<LocalDate, Double>> dailyTotals(Collection<Purchase> purchases) {
        Objects.requireNonNull(purchases, "purchases");
        if (purchases.isEmpty()) {
            throw new IllegalArgumentException("the purchase log is empty; an RFM summary needs at least one"
                    + " purchase (check the input file and its format)");
        }
        TreeMap<String, TreeMap<LocalDate, Double>> totals = new TreeMap<>();
        for (Purchase purchase : purchases) {
            totals.computeIfAbsent(purchase.customerId(), id -> new TreeMap<>())
                    .merge(purchase.date(), purchase.amount(), Double::sum);
        }
        return totals;
    }

    private static CustomerSummary summary(String customerId, TreeMap<LocalDate, Double> days,
                                           LocalDate calibrationEnd, TimeUnit unit) {
        LocalDate first = days.firstKey();
        int frequency = days.size() - 1;
        double repeatValue = 0.0;
        for (double value : days.tailMap(first, false).values()) {
            repeatValue += value;
        }
        return new CustomerSummary(customerId, frequency,
                ChronoUnit.DAYS.between(first, days.lastKey()) / unit.days(),
                ChronoUnit.DAYS.between(first, calibrationEnd) / unit.days(),
                frequency == 0 ? 0.0 : repeatValue / frequency);
    }

    private static void requireCohort(List<?> summaries, LocalDate calibrationEnd) {
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("no customer made a purchase on or before the calibration end "
                    + calibrationEnd + "; choose a later calibration end");
        }
    }
}
