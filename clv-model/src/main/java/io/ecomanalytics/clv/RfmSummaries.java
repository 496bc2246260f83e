package io.ecomanalytics.clv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds per-customer RFM summaries from a purchase log.
 *
 * <p>The log's purchases first become purchase events as the {@link PurchaseGrouping} says: each purchase at its
 * time ({@link PurchaseGrouping#EXACT_TIME}), or the purchases of one UTC day merged into one event at the start of
 * that day worth their sum ({@link PurchaseGrouping#CALENDAR_DAY}). The calibration period takes every purchase up
 * to its last day E included; it ends at the end of E with exact times, and at E's start with calendar days (whole
 * days between purchase days, as in the literature). For a customer whose first event is at F and last event in the
 * calibration period at L, measured in the chosen unit: frequency x = number of events minus one; recency
 * t_x = L - F; age T = end - F; monetary value = mean value of the events after the first (0 when x = 0). With
 * calendar days, E = 1997-09-30 and weeks this reproduces the published 39-week CDNOW calibration (T = 272 days / 7
 * = 38.86 for a first purchase on 1997-01-01). Customers whose first purchase comes after E are not part of the
 * calibration cohort and are left out. Summaries are returned sorted by customer id.
 */
public final class RfmSummaries {

    private static final double MICROSECONDS_PER_DAY = 86_400_000_000.0;

    private RfmSummaries() {
    }

    /**
     * Summarises every customer with a purchase on or before {@code calibrationEnd}.
     *
     * @throws IllegalArgumentException when the log is empty or no customer bought on or before the calibration end
     */
    public static List<CustomerSummary> summarise(Collection<Purchase> purchases, LocalDate calibrationEnd,
                                                  ClvTimeUnit unit, PurchaseGrouping grouping) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(grouping, "grouping");
        Instant cut = dayEnd(calibrationEnd);
        Instant end = grouping == PurchaseGrouping.EXACT_TIME ? cut : dayStart(calibrationEnd);
        List<CustomerSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, List<PurchaseEvent>> customer : events(purchases, grouping).entrySet()) {
            List<PurchaseEvent> calibration = before(customer.getValue(), cut);
            if (!calibration.isEmpty()) {
                summaries.add(summary(customer.getKey(), calibration, end, unit));
            }
        }
        requireCohort(summaries, calibrationEnd);
        return summaries;
    }

    /**
     * Summarises the calibration period up to {@code calibrationEnd} and counts the purchase events in the holdout
     * period (end of {@code calibrationEnd}, end of {@code holdoutEnd}] for every customer of the calibration cohort.
     *
     * @throws IllegalArgumentException when the holdout end is not after the calibration end, the log is empty or
     *                                  no customer bought on or before the calibration end
     */
    public static List<CalibrationHoldoutSummary> calibrationAndHoldout(Collection<Purchase> purchases,
                                                                        LocalDate calibrationEnd,
                                                                        LocalDate holdoutEnd, ClvTimeUnit unit,
                                                                        PurchaseGrouping grouping) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(holdoutEnd, "holdoutEnd");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(grouping, "grouping");
        if (!holdoutEnd.isAfter(calibrationEnd)) {
            throw new IllegalArgumentException("holdout end " + holdoutEnd + " must come after calibration end "
                    + calibrationEnd + "; the holdout period is (calibration end, holdout end]");
        }
        Instant cut = dayEnd(calibrationEnd);
        Instant end = grouping == PurchaseGrouping.EXACT_TIME ? cut : dayStart(calibrationEnd);
        Instant holdoutCut = dayEnd(holdoutEnd);
        double holdoutDuration = ChronoUnit.DAYS.between(calibrationEnd, holdoutEnd) / unit.days();
        List<CalibrationHoldoutSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, List<PurchaseEvent>> customer : events(purchases, grouping).entrySet()) {
            List<PurchaseEvent> calibration = before(customer.getValue(), cut);
            if (calibration.isEmpty()) {
                continue;
            }
            List<PurchaseEvent> holdout = customer.getValue().stream()
                    .filter(event -> !event.time().isBefore(cut) && event.time().isBefore(holdoutCut)).toList();
            double holdoutValue = holdout.stream().mapToDouble(PurchaseEvent::amount).sum();
            summaries.add(new CalibrationHoldoutSummary(summary(customer.getKey(), calibration, end, unit),
                    holdout.size(), holdoutDuration, holdout.isEmpty() ? 0.0 : holdoutValue / holdout.size()));
        }
        requireCohort(summaries, calibrationEnd);
        return summaries;
    }

    /** One purchase, or one day's purchases merged. */
    private record PurchaseEvent(Instant time, double amount) {
    }

    /** Each customer's purchase events by time; among events at the same time, the smaller amount first. */
    private static TreeMap<String, List<PurchaseEvent>> events(Collection<Purchase> purchases,
                                                               PurchaseGrouping grouping) {
        Objects.requireNonNull(purchases, "purchases");
        if (purchases.isEmpty()) {
            throw new IllegalArgumentException("the purchase log is empty; an RFM summary needs at least one"
                    + " purchase (check the input file and its format)");
        }
        TreeMap<String, List<PurchaseEvent>> events = new TreeMap<>();
        switch (grouping) {
            case EXACT_TIME -> purchases.forEach(purchase -> events.computeIfAbsent(purchase.customerId(),
                    id -> new ArrayList<>()).add(new PurchaseEvent(purchase.time(), purchase.amount())));
            case CALENDAR_DAY -> {
                TreeMap<String, TreeMap<LocalDate, Double>> days = new TreeMap<>();
                purchases.forEach(purchase -> days.computeIfAbsent(purchase.customerId(), id -> new TreeMap<>())
                        .merge(purchase.date(), purchase.amount(), Double::sum));
                days.forEach((customer, totals) -> events.put(customer, new ArrayList<>(totals.entrySet().stream()
                        .map(day -> new PurchaseEvent(dayStart(day.getKey()), day.getValue())).toList())));
            }
        }
        Comparator<PurchaseEvent> order = Comparator.comparing(PurchaseEvent::time)
                .thenComparingDouble(PurchaseEvent::amount);
        events.values().forEach(list -> list.sort(order));
        return events;
    }

    private static List<PurchaseEvent> before(List<PurchaseEvent> events, Instant cut) {
        return events.stream().filter(event -> event.time().isBefore(cut)).toList();
    }

    private static CustomerSummary summary(String customerId, List<PurchaseEvent> events, Instant end,
                                           ClvTimeUnit unit) {
        Instant first = events.get(0).time();
        int frequency = events.size() - 1;
        double repeatValue = 0.0;
        for (PurchaseEvent event : events.subList(1, events.size())) {
            repeatValue += event.amount();
        }
        return new CustomerSummary(customerId, frequency, elapsed(first, events.get(frequency).time(), unit),
                elapsed(first, end, unit), frequency == 0 ? 0.0 : repeatValue / frequency);
    }

    /** Whole days come out exact, so calendar-day summaries keep their published values to the last bit. */
    private static double elapsed(Instant from, Instant to, ClvTimeUnit unit) {
        return ChronoUnit.MICROS.between(from, to) / MICROSECONDS_PER_DAY / unit.days();
    }

    private static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant dayEnd(LocalDate day) {
        return dayStart(day.plusDays(1));
    }

    private static void requireCohort(List<?> summaries, LocalDate calibrationEnd) {
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("no customer made a purchase on or before the calibration end "
                    + calibrationEnd + "; choose a later calibration end");
        }
    }
}
