package io.ecomanalytics.recommendations;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Every product's ALS factors in one object, shipped to each executor once (a broadcast), so that a customer's top k
 * is one pass over the catalogue with the customer's own exclusions skipped: no candidate list padded for the customer
 * who bought the most, no shuffle, no join. Its size is products × rank × 4 bytes (20 MB for a million products at
 * rank 5), which is why the catalogue, not the customers, is what gets broadcast.
 */
final class ProductFactors implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Best first: higher score, then the smaller product id, the order {@link Ranking#topK} ranks by. */
    static final Comparator<ScoredProduct> BEST_FIRST = Comparator.comparingDouble(ScoredProduct::score).reversed()
            .thenComparing(ScoredProduct::productId);

    private final String[] productIds;
    private final float[][] factors;

    ProductFactors(List<String> productIds, List<float[]> factors) {
        if (productIds.size() != factors.size()) {
            throw new IllegalArgumentException(productIds.size() + " product ids for " + factors.size()
                    + " factor vectors");
        }
        this.productIds = productIds.toArray(String[]::new);
        this.factors = factors.toArray(float[][]::new);
    }

    /** A product and its predicted preference. */
    record ScoredProduct(String productId, double score) {
    }

    /**
     * The {@code k} products with the highest dot product with {@code userFactors}, leaving out {@code excluded},
     * best first ({@link #BEST_FIRST}).
     */
    List<ScoredProduct> topK(float[] userFactors, Set<String> excluded, int k) {
        // The worst kept product on top, to be pushed out by a better one.
        PriorityQueue<ScoredProduct> kept = new PriorityQueue<>(k + 1, BEST_FIRST.reversed());
        for (int product = 0; product < productIds.length; product++) {
            if (excluded.contains(productIds[product])) {
                continue;
            }
            ScoredProduct candidate = new ScoredProduct(productIds[product], dot(userFactors, factors[product]));
            if (kept.size() < k) {
                kept.add(candidate);
            } else if (BEST_FIRST.compare(candidate, kept.peek()) < 0) {
                kept.poll();
                kept.add(candidate);
            }
        }
        List<ScoredProduct> best = new ArrayList<>(kept);
        best.sort(BEST_FIRST);
        return best;
    }

    private static double dot(float[] left, float[] right) {
        if (left.length != right.length) {
            throw new IllegalArgumentException("factor vectors of rank " + left.length + " and " + right.length);
        }
        double sum = 0;
        for (int i = 0; i < left.length; i++) {
            sum += (double) left[i] * right[i];
        }
        return sum;
    }
}
