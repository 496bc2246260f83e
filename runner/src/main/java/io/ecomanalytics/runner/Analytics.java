package io.ecomanalytics.runner;

import io.ecomanalytics.transforms.CleanTables;
import io.ecomanalytics.transforms.ConversionFunnel;
import io.ecomanalytics.transforms.CustomerSpend;
import io.ecomanalytics.transforms.Distributions;
import io.ecomanalytics.transforms.ProductAffinity;
import io.ecomanalytics.transforms.ProductPerformance;
import io.ecomanalytics.transforms.Revenue;
import io.ecomanalytics.transforms.SessionEngagement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The analytics of a run, by output name, each one spark-transforms function of the cleaned tables. */
final class Analytics {
    static final String REVENUE_BY_CATEGORY = "revenue_by_category";
    static final String REVENUE_BY_CATEGORY_AND_DAY = "revenue_by_category_and_day";
    static final String PRODUCT_PERFORMANCE = "product_performance";
    static final String CATEGORY_PERFORMANCE = "category_performance";
    static final String PRODUCT_AFFINITY = "product_affinity";
    static final String CUSTOMER_SPEND = "customer_spend";
    static final String SESSION_ENGAGEMENT = "session_engagement";
    static final String CONVERSION_FUNNEL = "conversion_funnel";
    static final String TRANSACTIONS_PER_CUSTOMER = "transactions_per_customer";
    static final String SESSIONS_PER_USER = "sessions_per_user";
    static final String AVERAGE_SESSION_DURATION = "average_session_duration";

    static final int AFFINITY_PAIRS_PER_PRODUCT = 5;
    static final int DURATION_BUCKET_SECONDS = 60;

    private Analytics() {
    }

    /** Every analytic, lazily defined; the items table is shared, so it is cached by the caller's tables. */
    static Map<String, Dataset<Row>> of(CleanTables tables, Dataset<Row> transactionItems) {
        Map<String, Dataset<Row>> analytics = new LinkedHashMap<>();
        analytics.put(REVENUE_BY_CATEGORY, Revenue.byCategory(transactionItems));
        analytics.put(REVENUE_BY_CATEGORY_AND_DAY, Revenue.byCategoryAndDay(transactionItems));
        Dataset<Row> perProduct = ProductPerformance.perProduct(tables.sessions(), transactionItems,
                tables.products(), tables.categories());
        analytics.put(PRODUCT_PERFORMANCE, perProduct);
        analytics.put(CATEGORY_PERFORMANCE, ProductPerformance.perCategory(perProduct));
        analytics.put(PRODUCT_AFFINITY, ProductAffinity.topPairs(transactionItems, AFFINITY_PAIRS_PER_PRODUCT));
        analytics.put(CUSTOMER_SPEND, CustomerSpend.perCustomer(tables.transactions()));
        analytics.put(SESSION_ENGAGEMENT, SessionEngagement.perUser(tables.sessions()));
        analytics.put(CONVERSION_FUNNEL, ConversionFunnel.stages(tables.sessions()));
        analytics.put(TRANSACTIONS_PER_CUSTOMER, Distributions.transactionsPerCustomer(tables.transactions()));
        analytics.put(SESSIONS_PER_USER, Distributions.sessionsPerUser(tables.sessions()));
        analytics.put(AVERAGE_SESSION_DURATION,
                Distributions.averageSessionDuration(tables.sessions(), DURATION_BUCKET_SECONDS));
        return analytics;
    }
}
