package io.ecomanalytics.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The composite customer value scores, simple heuristics that need no model fit.
 *
 * <ul>
 *   <li>Legacy (the original course project's formula): score = total spent + 0.1 x session count, where a customer
 *       without sessions counts 0 sessions.</li>
 *   <li>Engagement-weighted: every input is min-max normalised over the scored population to [0, 1] (an input that
 *       is the same for everybody contributes 0), engagement = the mean of the normalised session count, average
 *       session duration and conversion rate, and
 *       score = 100 (w_m monetary + w_f frequency + w_e engagement) / (w_m + w_f + w_e), so it lies in [0, 100].
 *       Frequency is the purchase count. Tiers follow {@link Tier}.</li>
 * </ul>
 */
public final class CompositeScores {

    private CompositeScores() {
    }

    /** The legacy score: total spent + 0.1 x session count. */
    public static double legacy(CustomerActivity activity) {
        return activity.totalSpent() + 0.1 * activity.sessionCount();
    }

    /** Engagement-weighted scores and tiers of a population, in input order. */
    public static List<CompositeScore> engagementWeighted(List<CustomerActivity> customers,
                                                          EngagementWeights weights) {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(weights, "weights");
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("cannot score an empty customer list");
        }
        int size = customers.size();
        double[] monetary = normalised(customers.stream().mapToDouble(CustomerActivity::totalSpent).toArray());
        double[] frequency = normalised(customers.stream().mapToDouble(CustomerActivity::purchaseCount).toArray());
        double[] sessions = normalised(customers.stream().mapToDouble(CustomerActivity::sessionCount).toArray());
        double[] duration = normalised(customers.stream()
                .mapToDouble(CustomerActivity::averageSessionSeconds).toArray());
        double[] conversion = normalised(customers.stream().mapToDouble(CustomerActivity::conversionRate).toArray());
        double totalWeight = weights.monetary() + weights.frequency() + weights.engagement();
        double[] scores = new double[size];
        for (int i = 0; i < size; i++) {
            double engagement = (sessions[i] + duration[i] + conversion[i]) / 3.0;
            scores[i] = 100.0 * (weights.monetary() * monetary[i] + weights.frequency() * frequency[i]
                    + weights.engagement() * engagement) / totalWeight;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        List<CompositeScore> result = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int below = SortedValues.countBelow(sorted, scores[i]);
            result.add(new CompositeScore(customers.get(i).customerId(), scores[i],
                    Tier.ofShareBelow((double) below / size)));
        }
        return result;
    }

    private static double[] normalised(double[] values) {
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        double range = max - min;
        return Arrays.stream(values).map(value -> range > 0 ? (value - min) / range : 0.0).toArray();
    }
}
