package io.ecomanalytics.clv;

/** The Spark MLlib clustering models the learned customer segments are searched over. */
public enum SegmentationModel {
    /** {@code org.apache.spark.ml.clustering.KMeans} (k-means||), k chosen by silhouette. */
    K_MEANS("k-means"),
    /**
     * Bisecting k-means (the search splits the cluster with the largest squared error by 2-means), k chosen by
     * silhouette; published after refinement by MLlib k-means started from its clusters' centres.
     */
    BISECTING_K_MEANS("bisecting k-means"),
    /** {@code org.apache.spark.ml.clustering.GaussianMixture} (full covariances), k chosen by BIC. */
    GAUSSIAN_MIXTURE("gaussian mixture");

    private final String displayName;

    SegmentationModel(String displayName) {
        this.displayName = displayName;
    }

    /** The name in outputs and the report, for example {@code bisecting k-means}. */
    public String displayName() {
        return displayName;
    }
}
