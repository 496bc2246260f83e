package io.ecomanalytics.charts;

/**
 * One recommendation model's ranking metrics at k on held-out time (chart 15).
 *
 * @param model                the model's name, for example {@code category_popularity}
 * @param precision            precision@k
 * @param recall               recall@k
 * @param ndcg                 NDCG@k
 * @param meanAveragePrecision MAP@k
 */
public record RecommenderScore(String model, double precision, double recall, double ndcg,
        double meanAveragePrecision) {

    public RecommenderScore {
        Validation.requireText(model, "RecommenderScore", "model");
        for (double value : new double[] {precision, recall, ndcg, meanAveragePrecision}) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("RecommenderScore of " + model + " has a metric outside 0..1: "
                        + value + "; ranking metrics are shares");
            }
        }
    }
}
