package io.ecomanalytics.clv;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How well a model's output agrees with a known truth: the area under the ROC curve of a score against true
 * classes, and the adjusted Rand index of two partitions.
 */
public final class AgreementMeasures {

    private AgreementMeasures() {
    }

    /**
     * The area under the ROC curve: the probability that a random positive case scores higher than a random
     * negative one, ties counting one half. Computed with the Mann-Whitney rank formula
     * AUC = (R+ - n+ (n+ + 1) / 2) / (n+ n-), where R+ is the sum of the positive cases' ranks among all scores
     * (tied scores share their average rank).
     *
     * @throws IllegalArgumentException when either class has no case
     */
    public static double areaUnderCurve(List<ScoredCase> cases) {
        Objects.requireNonNull(cases, "cases");
        long positives = cases.stream().filter(ScoredCase::positive).count();
        long negatives = cases.size() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("the area under the curve needs positive and negative cases; got "
                    + positives + " positive and " + negatives + " negative");
        }
        List<ScoredCase> sorted = cases.stream().sorted(Comparator.comparingDouble(ScoredCase::score)).toList();
        double positiveRanks = 0;
        int start = 0;
        while (start < sorted.size()) {
            int end = start;
            while (end + 1 < sorted.size() && sorted.get(end + 1).score() == sorted.get(start).score()) {
                end++;
            }
            // Ranks are 1-based: the tied run start..end shares the mean of ranks start+1..end+1.
            double averageRank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                if (sorted.get(i).positive()) {
                    positiveRanks += averageRank;
                }
            }
            start = end + 1;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * The adjusted Rand index of two partitions of the same items (Hubert and Arabie 1985): the Rand index
     * corrected for chance, 1 for identical partitions, about 0 for independent ones, negative below chance. From
     * the contingency table n_ij with row sums a_i and column sums b_j, with C(m) = m (m - 1) / 2:
     * ARI = (Σ C(n_ij) - Σ C(a_i) Σ C(b_j) / C(n)) / ((Σ C(a_i) + Σ C(b_j)) / 2 - Σ C(a_i) Σ C(b_j) / C(n)).
     * When both partitions are a single cluster (or every item its own), the index is 1, as scikit-learn defines it.
     *
     * @throws IllegalArgumentException when there are no items
     */
    public static double adjustedRandIndex(List<LabelPair> items) {
        Objects.requireNonNull(items, "items");
        if (items.isEmpty()) {
            throw new IllegalArgumentException("the adjusted Rand index needs at least one labelled item");
        }
        Map<LabelPair, Long> cells = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        Map<String, Long> columns = new HashMap<>();
        for (LabelPair item : items) {
            cells.merge(item, 1L, Long::sum);
            rows.merge(item.first(), 1L, Long::sum);
            columns.merge(item.second(), 1L, Long::sum);
        }
        double agreeingPairs = cells.values().stream().mapToDouble(AgreementMeasures::pairs).sum();
        double rowPairs = rows.values().stream().mapToDouble(AgreementMeasures::pairs).sum();
        double columnPairs = columns.values().stream().mapToDouble(AgreementMeasures::pairs).sum();
        double expected = rowPairs * columnPairs / pairs(items.size());
        double maximum = (rowPairs + columnPairs) / 2;
        if (maximum == expected) {
            return 1.0;
        }
        return (agreeingPairs - expected) / (maximum - expected);
    }

    /**
     * The contingency table of two partitions: for each first label (sorted), the number of items under each second
     * label (sorted).
     */
    public static Map<String, Map<String, Long>> contingencyTable(List<LabelPair> items) {
        Objects.requireNonNull(items, "items");
        Map<String, Map<String, Long>> table = new java.util.TreeMap<>();
        for (LabelPair item : items) {
            table.computeIfAbsent(item.first(), label -> new java.util.TreeMap<>()).merge(item.second(), 1L,
                    Long::sum);
        }
        return table;
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }
}
