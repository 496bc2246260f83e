package io.ecomanalytics.transforms;

import io.ecomanalytics.clv.PurchaseGrouping;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Every analytic of the module over one set of cleaned tables, keyed by {@link Analytic}. */
public final class Analytics {

    private Analytics() {
    }

    /**
     * The analytics as lazy datasets (nothing runs until an action), in {@link Analytic}'s order; their table names:
     * revenue_by_category ({@link Revenue#byCategory}), revenue_by_category_and_day
     * ({@link Revenue#byCategoryAndDay}), product_performance ({@link ProductPerformance#perProduct}),
     * category_performance ({@link ProductPerformance#perCategory}), product_affinity
     * ({@link ProductAffinity#topPairs}), customer_spend ({@link CustomerSpend#perCustomer}), session_engagement
     * ({@link SessionEngagement#perUser}), conversion_funnel ({@link ConversionFunnel#stages}),
     * transactions_per_customer, sessions_per_user, average_session_duration ({@link Distributions}),
     * customer_summary ({@link CustomerSummaryTable#forClv} in days on exact purchase times: the dataset's timestamps
     * have seconds, and one customer may buy several times a day).
     *
     * <p>The transaction items are shared by several results: cache {@code tables.transactions()} (or persist the
     * items) before running more than one of them.
     *
     * @param tables         cleaned tables
     * @param observationEnd the end of the CLV observation window
     * @param topPairs       partners kept per product in product_affinity
     * @param bucketSeconds  bucket width of average_session_duration
     */
    public static Map<Analytic, Dataset<Row>> all(CleanTables tables, Instant observationEnd, int topPairs,
            int bucketSeconds) {
        Objects.requireNonNull(tables, "tables");
        return all(tables, tables.transactionItems(), observationEnd, topPairs, bucketSeconds);
    }

    /**
     * The same analytics over transaction items computed already, typically {@code tables.transactionItems()}
     * materialised once so that no result explodes and joins the items again.
     *
     * @param items {@link CleanTables#transactionItems()} of {@code tables}, or a materialised copy of it
     */
    public static Map<Analytic, Dataset<Row>> all(CleanTables tables, Dataset<Row> items, Instant observationEnd,
            int topPairs, int bucketSeconds) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(items, "items");
        Dataset<Row> perProduct = ProductPerformance.perProduct(tables.sessions(), items, tables.products(),
                tables.categories());
        Map<Analytic, Dataset<Row>> results = new EnumMap<>(Analytic.class);
        results.put(Analytic.REVENUE_BY_CATEGORY, Revenue.byCategory(items));
        results.put(Analytic.REVENUE_BY_CATEGORY_AND_DAY, Revenue.byCategoryAndDay(items));
        results.put(Analytic.PRODUCT_PERFORMANCE, perProduct);
        results.put(Analytic.CATEGORY_PERFORMANCE, ProductPerformance.perCategory(perProduct));
        results.put(Analytic.PRODUCT_AFFINITY, ProductAffinity.topPairs(items, topPairs));
        results.put(Analytic.CUSTOMER_SPEND, CustomerSpend.perCustomer(tables.transactions()));
        results.put(Analytic.SESSION_ENGAGEMENT, SessionEngagement.perUser(tables.sessions()));
        results.put(Analytic.CONVERSION_FUNNEL, ConversionFunnel.stages(tables.sessions()));
        results.put(Analytic.TRANSACTIONS_PER_CUSTOMER, Distributions.transactionsPerCustomer(tables.transactions()));
        results.put(Analytic.SESSIONS_PER_USER, Distributions.sessionsPerUser(tables.sessions()));
        results.put(Analytic.AVERAGE_SESSION_DURATION, Distributions.averageSessionDuration(tables.sessions(),
                bucketSeconds));
        results.put(Analytic.CUSTOMER_SUMMARY, CustomerSummaryTable.forClv(tables.transactions(), observationEnd,
                SummaryPeriod.DAYS, PurchaseGrouping.EXACT_TIME));
        return results;
    }
}
