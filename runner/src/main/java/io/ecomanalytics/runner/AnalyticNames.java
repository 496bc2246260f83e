package io.ecomanalytics.runner;

/** The names of the analytics the report reads, as {@code io.ecomanalytics.transforms.Analytics#all} gives them. */
final class AnalyticNames {
    static final String REVENUE_BY_CATEGORY = "revenue_by_category";
    static final String REVENUE_BY_CATEGORY_AND_DAY = "revenue_by_category_and_day";
    static final String PRODUCT_PERFORMANCE = "product_performance";
    static final String PRODUCT_AFFINITY = "product_affinity";
    static final String CUSTOMER_SPEND = "customer_spend";
    static final String SESSION_ENGAGEMENT = "session_engagement";
    static final String CONVERSION_FUNNEL = "conversion_funnel";
    static final String TRANSACTIONS_PER_CUSTOMER = "transactions_per_customer";
    static final String SESSIONS_PER_USER = "sessions_per_user";
    static final String CUSTOMER_SUMMARY = "customer_summary";

    /** Partners kept per product in product_affinity. */
    static final int AFFINITY_PAIRS_PER_PRODUCT = 5;
    /** Bucket width of average_session_duration. */
    static final int DURATION_BUCKET_SECONDS = 60;

    private AnalyticNames() {
    }
}
