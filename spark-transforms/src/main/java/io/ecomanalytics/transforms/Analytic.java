package io.ecomanalytics.transforms;

/** The analytics of {@link Analytics#all}, in that order, each with the table name its results are written under. */
public enum Analytic {
    /** {@link Revenue#byCategory}. */
    REVENUE_BY_CATEGORY("revenue_by_category"),
    /** {@link Revenue#byCategoryAndDay}. */
    REVENUE_BY_CATEGORY_AND_DAY("revenue_by_category_and_day"),
    /** {@link ProductPerformance#perProduct}. */
    PRODUCT_PERFORMANCE("product_performance"),
    /** {@link ProductPerformance#perCategory}. */
    CATEGORY_PERFORMANCE("category_performance"),
    /** {@link ProductAffinity#topPairs}. */
    PRODUCT_AFFINITY("product_affinity"),
    /** {@link CustomerSpend#perCustomer}. */
    CUSTOMER_SPEND("customer_spend"),
    /** {@link SessionEngagement#perUser}. */
    SESSION_ENGAGEMENT("session_engagement"),
    /** {@link ConversionFunnel#stages}. */
    CONVERSION_FUNNEL("conversion_funnel"),
    /** {@link Distributions#transactionsPerCustomer}. */
    TRANSACTIONS_PER_CUSTOMER("transactions_per_customer"),
    /** {@link Distributions#sessionsPerUser}. */
    SESSIONS_PER_USER("sessions_per_user"),
    /** {@link Distributions#averageSessionDuration}. */
    AVERAGE_SESSION_DURATION("average_session_duration"),
    /** {@link CustomerSummaryTable#forClv}, in days, on exact purchase times. */
    CUSTOMER_SUMMARY("customer_summary");

    private final String tableName;

    Analytic(String tableName) {
        this.tableName = tableName;
    }

    /** The name of the result table (Parquet and CSV folder, SQL view), for example {@code revenue_by_category}. */
    public String tableName() {
        return tableName;
    }
}
