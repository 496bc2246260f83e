package io.ecomanalytics.clv;

import java.util.Objects;

/**
 * One fitted model of the segment search, scored on the fitted customers.
 *
 * @param model      the clustering model
 * @param clusters   its k
 * @param silhouette mean silhouette with squared Euclidean distances (as Spark's {@code ClusteringEvaluator})
 * @param bic        Bayesian information criterion {@code -2 ln L + parameters ln n} of a Gaussian mixture; NaN for
 *                   the others
 * @param adjustedRandIndexVersusRfm   agreement with the RFM segments
 * @param adjustedRandIndexVersusTruth agreement with the planted segments; NaN without a ground truth
 */
public record SegmentationCandidate(SegmentationModel model, int clusters, double silhouette, double bic,
        double adjustedRandIndexVersusRfm, double adjustedRandIndexVersusTruth) {

    public SegmentationCandidate {
        Objects.requireNonNull(model, "model");
    }
}
