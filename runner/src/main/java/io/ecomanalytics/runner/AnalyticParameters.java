package io.ecomanalytics.runner;

/** The parameters the pipeline runs {@code io.ecomanalytics.transforms.Analytics#all} with. */
final class AnalyticParameters {
    /** Partners kept per product in product_affinity. */
    static final int AFFINITY_PAIRS_PER_PRODUCT = 5;
    /** Bucket width of average_session_duration. */
    static final int DURATION_BUCKET_SECONDS = 60;

    private AnalyticParameters() {
    }
}
