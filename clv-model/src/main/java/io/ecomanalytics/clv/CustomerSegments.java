package io.ecomanalytics.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RFM scoring and segmentation of a customer population.
 *
 * <p>Each of recency (time since the last purchase, T - t_x, smaller is better), frequency and monetary value is
 * scored 1 to 5 by quintile within the population: score = 1 + floor(5 * share of customers strictly worse),
 * capped at 5. Tied customers get the same score, so a population where most customers never came back puts all
 * of them in frequency score 1 rather than splitting identical customers arbitrarily. Segments come from the
 * recency and frequency scores ({@link Segment#of}).
 *
 * @param customers one entry per customer, in input order
 * @param counts    the number of customers in every segment, zero counts included, in {@link Segment} order
 */
public record CustomerSegments(List<SegmentedCustomer> customers, Map<Segment, Long> counts) {

    public CustomerSegments {
        customers = List.copyOf(customers);
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** Scores and segments the given customers. */
    public static CustomerSegments of(List<CustomerSummary> summaries) {
        Objects.requireNonNull(summaries, "summaries");
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("cannot segment an empty customer list; summarise a non-empty"
                    + " purchase log first");
        }
        int size = summaries.size();
        double[] recencyGoodness = new double[size];
        double[] frequency = new double[size];
        double[] monetary = new double[size];
        for (int i = 0; i < size; i++) {
            CustomerSummary customer = summaries.get(i);
            recencyGoodness[i] = -(customer.age() - customer.recency());
            frequency[i] = customer.frequency();
            monetary[i] = customer.monetaryValue();
        }
        int[] recencyScores = quintileScores(recencyGoodness);
        int[] frequencyScores = quintileScores(frequency);
        int[] monetaryScores = quintileScores(monetary);
        Map<Segment, Long> counts = new EnumMap<>(Segment.class);
        for (Segment segment : Segment.values()) {
            counts.put(segment, 0L);
        }
        List<SegmentedCustomer> customers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Segment segment = Segment.of(recencyScores[i], frequencyScores[i]);
            counts.merge(segment, 1L, Long::sum);
            customers.add(new SegmentedCustomer(summaries.get(i).customerId(), recencyScores[i], frequencyScores[i],
                    monetaryScores[i], segment));
        }
        return new CustomerSegments(customers, counts);
    }

    /** 1 + floor(5 * share strictly below), by binary search in the sorted values. */
    static int[] quintileScores(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] scores = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int below = SortedValues.countBelow(sorted, values[i]);
            scores[i] = Math.min(5, 1 + (int) (5L * below / values.length));
        }
        return scores;
    }
}
