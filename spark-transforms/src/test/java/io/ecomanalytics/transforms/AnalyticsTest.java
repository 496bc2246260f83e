package io.ecomanalytics.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ecomanalytics.clv.PurchaseGrouping;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every analytic on {@link TinyShop}, with the expected figures worked out by hand in its Javadoc. */
class AnalyticsTest {

    private static CleanTables shop;
    private static Dataset<Row> items;

    @BeforeAll
    static void buildShop() {
        shop = TinyShop.tables();
        items = shop.transactionItems().cache();
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    /** Rows as "a|b|c" strings of the given columns, in dataset order. */
    private static List<String> rows(Dataset<Row> dataset, String... columns) {
        return dataset.selectExpr(columns).collectAsList().stream()
                .map(row -> java.util.stream.IntStream.range(0, row.length())
                        .mapToObj(index -> String.valueOf((Object) row.get(index)))
                        .collect(Collectors.joining("|")))
                .toList();
    }

    @Test
    void itemsKeepUnknownProductsWithoutCategory() {
        assertThat(rows(items.orderBy("transaction_id", "product_id"),
                "transaction_id", "product_id", "category_id", "category_name", "quantity", "subtotal"))
                .containsExactly(
                        "t1|p1|cat_1|Books|2|20.00", "t1|p3|cat_2|Games|1|5.50",
                        "t2|p1|cat_1|Books|1|10.00", "t2|p2|cat_1|Books|1|7.25",
                        "t3|p3|cat_2|Games|2|11.00", "t3|p9|null|null|1|3.00",
                        "t4|p1|cat_1|Books|1|10.00",
                        "t5|p2|cat_1|Books|3|21.75");
        assertThat(items.columns()).containsExactly("transaction_id", "user_id", "session_id", "timestamp",
                "product_id", "product_name", "category_id", "category_name", "quantity", "unit_price", "subtotal");
    }

    @Test
    void revenueByCategoryHasQuantityOrdersAndShare() {
        // cat_1: 20 + 10 + 7.25 + 10 + 21.75 = 69.00 over t1, t2, t4, t5; cat_2: 5.50 + 11 = 16.50; unknown 3.00.
        List<Row> result = Revenue.byCategory(items).collectAsList();

        assertThat(rows(Revenue.byCategory(items), "category_id", "category_name", "revenue", "quantity", "orders"))
                .containsExactly("cat_1|Books|69.00|8|4", "cat_2|Games|16.50|3|2", "null|null|3.00|1|1");
        assertThat(result).extracting(row -> row.<Double>getAs("share"))
                .containsExactly(69.0 / 88.5, 16.5 / 88.5, 3.0 / 88.5);
    }

    @Test
    void revenueByCategoryAndDaySharesEachDay() {
        Dataset<Row> result = Revenue.byCategoryAndDay(items);

        assertThat(rows(result, "day", "category_id", "revenue", "quantity", "orders")).containsExactly(
                "2024-01-01|cat_1|20.00|2|1", "2024-01-01|cat_2|5.50|1|1",
                "2024-01-02|cat_1|21.75|3|1",
                "2024-01-03|cat_1|27.25|3|2", "2024-01-03|cat_2|11.00|2|1", "2024-01-03|null|3.00|1|1");
        assertThat(result.collectAsList()).extracting(row -> row.<Double>getAs("share"))
                .containsExactly(20 / 25.5, 5.5 / 25.5, 1.0, 27.25 / 41.25, 11 / 41.25, 3 / 41.25);
        assertThat(result.first().<Date>getAs("day")).isEqualTo(Date.valueOf("2024-01-01"));
    }

    @Test
    void productPerformanceJoinsViewsCartsAndSales() {
        Dataset<Row> perProduct = ProductPerformance.perProduct(shop.sessions(), items, shop.products(),
                shop.categories());

        assertThat(rows(perProduct, "product_id", "product_name", "category_id", "views", "add_to_cart",
                "purchases", "units_sold", "revenue", "view_to_purchase_rate")).containsExactly(
                "p1|Novel|cat_1|2|1|3|4|40.00|1.5",
                "p2|Atlas|cat_1|2|1|2|4|29.00|1.0",
                "p3|Chess|cat_2|2|2|2|3|16.50|1.0",
                "p9|null|null|0|0|1|1|3.00|null");
        assertThat(rows(ProductPerformance.perCategory(perProduct), "category_id", "category_name", "views",
                "add_to_cart", "purchases", "units_sold", "revenue", "view_to_purchase_rate")).containsExactly(
                "cat_1|Books|4|2|5|8|69.00|1.25",
                "cat_2|Games|2|2|2|3|16.50|1.0",
                "null|null|0|0|1|1|3.00|null");
    }

    @Test
    void affinityHasSupportConfidenceLiftAndTopPartners() {
        // Baskets: t1 {p1,p3}, t2 {p1,p2}, t3 {p3,p9}, t4 {p1}, t5 {p2}; N = 5, n(p1) = 3, n(p2) = n(p3) = 2, n(p9) = 1.
        List<Row> all = ProductAffinity.topPairs(items, 10).collectAsList();
        assertThat(all).extracting(row -> row.getAs("product_id") + ">" + row.getAs("other_product_id") + "#"
                + row.getAs("rank")).containsExactly("p1>p2#1", "p1>p3#2", "p2>p1#1", "p3>p9#1", "p3>p1#2", "p9>p3#1");
        Row p3p9 = all.get(3);
        assertThat(p3p9.<Long>getAs("pair_transactions")).isEqualTo(1L);
        assertThat(p3p9.<Double>getAs("support")).isCloseTo(1.0 / 5, within(1e-12));
        assertThat(p3p9.<Double>getAs("confidence")).isCloseTo(1.0 / 2, within(1e-12));
        assertThat(p3p9.<Double>getAs("lift")).isCloseTo(1.0 * 5 / (2 * 1), within(1e-12));
        Row p1p2 = all.get(0);
        assertThat(p1p2.<Double>getAs("confidence")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(p1p2.<Double>getAs("lift")).isCloseTo(5.0 / 6, within(1e-12));

        assertThat(rows(ProductAffinity.topPairs(items, 1), "product_id", "other_product_id"))
                .containsExactly("p1|p2", "p2|p1", "p3|p9", "p9|p3");
        assertThatThrownBy(() -> ProductAffinity.topPairs(items, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("topPairs must be at least 1, was 0; pass how many partner products to keep per product");
    }

    @Test
    void customerSpendCountsPurchasesWithoutSessions() {
        // u1: 25.50 + 15.52 + 10.00 = 51.02 over 3 orders (average 17.0066... -> 17.01) on 2 days.
        assertThat(rows(CustomerSpend.perCustomer(shop.transactions()), "user_id", "orders", "total_spent",
                "average_order_value", "cast(first_purchase as string)", "cast(last_purchase as string)",
                "purchase_days")).containsExactly(
                "u1|3|51.02|17.01|2024-01-01 10:00:00|2024-01-03 12:00:00|2",
                "u3|1|21.75|21.75|2024-01-02 00:00:00|2024-01-02 00:00:00|1",
                "u2|1|14.00|14.00|2024-01-03 23:30:00|2024-01-03 23:30:00|1");
    }

    @Test
    void sessionEngagementCoversUsersWhoNeverBuy() {
        Dataset<Row> engagement = SessionEngagement.perUser(shop.sessions());

        assertThat(rows(engagement, "user_id", "sessions", "total_duration_seconds", "average_duration_seconds",
                "page_views", "converted_sessions", "conversion_rate")).containsExactly(
                "u1|2|400|200.0|9|1|0.5",
                "u2|1|200|200.0|4|1|1.0",
                "u4|1|50|50.0|3|0|0.0");
        assertThat(rows(engagement, "user_id", "device_mobile", "device_desktop", "device_tablet",
                "referrer_direct", "referrer_email", "referrer_social", "referrer_search_engine",
                "referrer_affiliate")).containsExactly(
                "u1|1|1|0|1|1|0|0|0",
                "u2|0|0|1|0|0|0|1|0",
                "u4|1|0|0|0|0|1|0|0");
    }

    @Test
    void funnelRequiresEveryEarlierStage() {
        // s4 lands on a product page: without a landing page view it is in no stage.
        Dataset<Row> funnel = ConversionFunnel.stages(shop.sessions());

        assertThat(rows(funnel, "stage_number", "stage", "sessions")).containsExactly(
                "1|landing|3", "2|product_detail|3", "3|cart|2", "4|checkout|1", "5|confirmation|1");
        assertThat(funnel.collectAsList()).extracting(row -> row.<Double>getAs("rate_from_previous"))
                .containsExactly(1.0, 1.0, 2.0 / 3, 0.5, 1.0);
        assertThat(funnel.collectAsList()).extracting(row -> row.<Double>getAs("rate_from_start"))
                .containsExactly(1.0, 1.0, 2.0 / 3, 1.0 / 3, 1.0 / 3);
    }

    @Test
    void distributionsCountCustomersAndUsersPerBucket() {
        assertThat(rows(Distributions.transactionsPerCustomer(shop.transactions()), "transactions", "customers"))
                .containsExactly("1|2", "3|1");
        assertThat(rows(Distributions.sessionsPerUser(shop.sessions()), "sessions", "users"))
                .containsExactly("1|2", "2|1");
        assertThat(rows(Distributions.averageSessionDuration(shop.sessions(), 60), "bucket_start_seconds",
                "bucket_end_seconds", "users")).containsExactly("0|60|1", "180|240|2");
    }

    @Test
    void clvSummaryWithExactTimesCountsEveryPurchaseFromTheFirstOnesTime() {
        // u1 buys on Jan 1 10:00 (25.50), Jan 3 09:00 (15.52) and Jan 3 12:00 (10.00): two repeat purchases worth
        // 12.76 on average, the last 2 days 2 h after the first (50 / 24 days), 8 days 14 h (206 / 24) before the end.
        // u2 buys once on Jan 3 23:30, 6 days 30 min (289 / 48 days) before the end; u3 once at Jan 2 00:00.
        Dataset<Row> days = CustomerSummaryTable.forClv(shop.transactions(), Instant.parse("2024-01-10T00:00:00Z"),
                SummaryPeriod.DAYS, PurchaseGrouping.EXACT_TIME);
        assertThat(days.columns()).containsExactly("customer_id", "frequency", "recency", "T", "monetary_value");
        assertThat(rows(days, "customer_id", "frequency", "monetary_value"))
                .containsExactly("u1|2|12.76", "u2|0|0.0", "u3|0|0.0");
        List<Row> rows = days.collectAsList();
        assertThat(rows.get(0).<Double>getAs("recency")).isCloseTo(50.0 / 24, within(1e-12));
        assertThat(rows.get(0).<Double>getAs("T")).isCloseTo(206.0 / 24, within(1e-12));
        assertThat(rows.get(1).<Double>getAs("T")).isCloseTo(289.0 / 48, within(1e-12));
        assertThat(rows.get(2).<Double>getAs("T")).isEqualTo(8.0);

        List<Row> weeks = CustomerSummaryTable.forClv(shop.transactions(), Instant.parse("2024-01-10T00:00:00Z"),
                SummaryPeriod.WEEKS, PurchaseGrouping.EXACT_TIME).collectAsList();
        assertThat(weeks.get(0).<Double>getAs("recency")).isCloseTo(50.0 / 24 / 7, within(1e-12));
    }

    @Test
    void holdoutPurchasesAreCountedWithTheCalibrationsGrouping() {
        // After Jan 2 00:00: u1's two purchases on Jan 3 (15.52 + 10.00), u2's one (14.00).
        Instant calibrationEnd = Instant.parse("2024-01-02T00:00:00Z");
        Instant observationEnd = Instant.parse("2024-01-10T00:00:00Z");

        assertThat(rows(CustomerSummaryTable.forHoldout(shop.transactions(), calibrationEnd, observationEnd,
                PurchaseGrouping.EXACT_TIME), "customer_id", "holdout_frequency", "holdout_spend"))
                .containsExactly("u1|2|25.52", "u2|1|14.0");
        assertThat(rows(CustomerSummaryTable.forHoldout(shop.transactions(), calibrationEnd, observationEnd,
                PurchaseGrouping.CALENDAR_DAY), "customer_id", "holdout_frequency", "holdout_spend"))
                .containsExactly("u1|1|25.52", "u2|1|14.0");
    }

    @Test
    void clvSummaryWithCalendarDaysFollowsTheRepeatPurchaseDayConvention() {
        // u1 buys on Jan 1 (25.50) and Jan 3 (15.52 + 10.00 = 25.52): one repeat day worth 25.52.
        Dataset<Row> days = CustomerSummaryTable.forClv(shop.transactions(), Instant.parse("2024-01-10T00:00:00Z"),
                SummaryPeriod.DAYS, PurchaseGrouping.CALENDAR_DAY);
        assertThat(days.columns()).containsExactly("customer_id", "frequency", "recency", "T", "monetary_value");
        assertThat(rows(days, "customer_id", "frequency", "recency", "T", "monetary_value")).containsExactly(
                "u1|1|2.0|9.0|25.52", "u2|0|0.0|7.0|0.0", "u3|0|0.0|8.0|0.0");

        List<Row> weeks = CustomerSummaryTable.forClv(shop.transactions(), Instant.parse("2024-01-10T00:00:00Z"),
                SummaryPeriod.WEEKS, PurchaseGrouping.CALENDAR_DAY).collectAsList();
        assertThat(weeks.get(0).<Double>getAs("recency")).isCloseTo(2.0 / 7, within(1e-12));
        assertThat(weeks.get(0).<Double>getAs("T")).isCloseTo(9.0 / 7, within(1e-12));

        // The end is inclusive: t5 at exactly 2024-01-02T00:00Z counts, the Jan 3 purchases do not.
        assertThat(rows(CustomerSummaryTable.forClv(shop.transactions(), Instant.parse("2024-01-02T00:00:00Z"),
                SummaryPeriod.DAYS, PurchaseGrouping.CALENDAR_DAY), "customer_id", "frequency", "T"))
                .containsExactly("u1|0|1.0", "u3|0|0.0");
    }

    @Test
    void sqlViewsAnswerQueriesWrittenAgainstTheDatasetNames() {
        var spark = SharedSpark.session();
        SqlViews.register(spark, shop, CustomerSummaryTable.forClv(shop.transactions(),
                Instant.parse("2024-01-10T00:00:00Z"), SummaryPeriod.DAYS, PurchaseGrouping.CALENDAR_DAY));

        assertThat(rows(spark.sql("SELECT category_id, SUM(subtotal) AS revenue FROM transaction_items "
                + "WHERE category_id IS NOT NULL GROUP BY category_id ORDER BY category_id"), "category_id", "revenue"))
                .containsExactly("cat_1|69.00", "cat_2|16.50");
        assertThat(rows(spark.sql("SELECT i.product_id, SUM(i.quantity) AS units FROM transactions "
                + "LATERAL VIEW explode(items) x AS i GROUP BY i.product_id ORDER BY i.product_id"), "product_id", "units"))
                .containsExactly("p1|4", "p2|4", "p3|3", "p9|1");
        assertThat(rows(spark.sql("SELECT page_type, COUNT(*) AS views FROM page_views WHERE page_type = 'cart' "
                + "GROUP BY page_type"), "page_type", "views")).containsExactly("cart|3");
        assertThat(rows(spark.sql("SELECT COUNT(*) FROM users u JOIN sessions s ON u.user_id = s.user_id "
                + "JOIN products p ON p.category_id = 'cat_2' JOIN categories c ON c.category_id = p.category_id"),
                "*")).containsExactly("4");
        assertThat(rows(spark.sql("SELECT customer_id FROM customer_clv WHERE frequency > 0"), "customer_id"))
                .containsExactly("u1");
    }
}
