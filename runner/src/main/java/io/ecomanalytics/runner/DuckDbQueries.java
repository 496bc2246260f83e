package io.ecomanalytics.runner;

import io.ecomanalytics.transforms.Analytic;
import io.ecomanalytics.transforms.Analytics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The engine comparison's DuckDB side: loading the same JSON files (with the same cleaning: values as written, one
 * row per id, latest wins) and the same analytics as SQL, one query for each analytic of {@link Analytics#all}.
 */
final class DuckDbQueries {

    private DuckDbQueries() {
    }

    private static String json(Path file, String columns) {
        return "read_json('" + file + "', format = 'array', columns = {" + columns + "})";
    }

    /** Statements that create the cleaned tables and the transaction_items view. */
    static List<String> load(Path folder) {
        String money = "'DECIMAL(18,2)'";
        return List.of(
                "CREATE OR REPLACE TABLE categories AS SELECT * FROM " + json(folder.resolve("categories.json"),
                        "category_id: 'VARCHAR', name: 'VARCHAR', subcategories: "
                                + "'STRUCT(subcategory_id VARCHAR, name VARCHAR, profit_margin DOUBLE)[]'")
                        + " QUALIFY row_number() OVER (PARTITION BY category_id) = 1",
                "CREATE OR REPLACE TABLE products AS SELECT * FROM " + json(folder.resolve("products.json"),
                        "product_id: 'VARCHAR', name: 'VARCHAR', category_id: 'VARCHAR', base_price: " + money
                                + ", current_stock: 'INTEGER', is_active: 'BOOLEAN', price_history: "
                                + "'STRUCT(price DECIMAL(18,2), date TIMESTAMP)[]', creation_date: 'TIMESTAMP'")
                        + " QUALIFY row_number() OVER (PARTITION BY product_id ORDER BY creation_date DESC) = 1",
                "CREATE OR REPLACE TABLE transactions AS SELECT transaction_id, session_id, user_id, timestamp, items,"
                        + " subtotal, discount, total, payment_method AS payment_method,"
                        + " status AS status FROM " + json(folder.resolve("transactions.json"),
                        "transaction_id: 'VARCHAR', session_id: 'VARCHAR', user_id: 'VARCHAR', timestamp: 'TIMESTAMP',"
                                + " items: 'STRUCT(product_id VARCHAR, quantity INTEGER, unit_price DECIMAL(18,2),"
                                + " subtotal DECIMAL(18,2))[]', subtotal: " + money + ", discount: " + money
                                + ", total: " + money + ", payment_method: 'VARCHAR', status: 'VARCHAR'")
                        + " QUALIFY row_number() OVER (PARTITION BY transaction_id ORDER BY timestamp DESC) = 1",
                "CREATE OR REPLACE TABLE sessions AS SELECT session_id, user_id, start_time, end_time,"
                        + " duration_seconds, geo_data, {'type': device_profile.type,"
                        + " 'os': device_profile.os, 'browser': device_profile.browser}"
                        + " AS device_profile, viewed_products,"
                        + " list_transform(page_views, v -> {'timestamp': v.timestamp, 'page_type': v.page_type,"
                        + " 'product_id': v.product_id, 'category_id': v.category_id,"
                        + " 'view_duration': v.view_duration})"
                        + " AS page_views, cart_contents, conversion_status AS conversion_status,"
                        + " referrer AS referrer FROM " + json(folder.resolve("sessions_*.json"),
                        "session_id: 'VARCHAR', user_id: 'VARCHAR', start_time: 'TIMESTAMP', end_time: 'TIMESTAMP',"
                                + " duration_seconds: 'INTEGER', geo_data: 'STRUCT(city VARCHAR, state VARCHAR,"
                                + " country VARCHAR, ip_address VARCHAR)', device_profile: 'STRUCT(type VARCHAR,"
                                + " os VARCHAR, browser VARCHAR)', viewed_products: 'VARCHAR[]', page_views:"
                                + " 'STRUCT(timestamp TIMESTAMP, page_type VARCHAR, product_id VARCHAR,"
                                + " category_id VARCHAR, view_duration DOUBLE)[]', cart_contents:"
                                + " 'MAP(VARCHAR, STRUCT(quantity INTEGER, price DECIMAL(18,2)))',"
                                + " conversion_status: 'VARCHAR', referrer: 'VARCHAR'")
                        + " QUALIFY row_number() OVER (PARTITION BY session_id ORDER BY end_time DESC) = 1",
                "CREATE OR REPLACE VIEW transaction_items AS SELECT t.transaction_id, t.user_id, t.session_id,"
                        + " t.timestamp, t.item.product_id AS product_id, p.name AS product_name, p.category_id,"
                        + " c.name AS category_name, t.item.quantity AS quantity, t.item.unit_price AS unit_price,"
                        + " t.item.subtotal AS subtotal"
                        + " FROM (SELECT transaction_id, user_id, session_id, timestamp, unnest(items) AS item"
                        + " FROM transactions) t"
                        + " LEFT JOIN products p ON p.product_id = t.item.product_id"
                        + " LEFT JOIN categories c ON c.category_id = p.category_id"
                        + " WHERE t.item.quantity > 0");
    }

    /** The analytics, each a query whose result has the columns of the Spark analytic it is keyed by. */
    static Map<Analytic, String> analytics(Instant observationEndTime) {
        int topPairs = AnalyticParameters.AFFINITY_PAIRS_PER_PRODUCT;
        int bucketSeconds = AnalyticParameters.DURATION_BUCKET_SECONDS;
        String observationEnd = observationEndTime.toString().replace("T", " ").replace("Z", "");
        String productPerformance = "WITH v AS (SELECT pv.product_id, count(*) AS views"
                + " FROM (SELECT unnest(page_views) AS pv FROM sessions)"
                + " WHERE pv.page_type = 'product_detail' AND pv.product_id IS NOT NULL GROUP BY 1),"
                + " c AS (SELECT product_id, count(DISTINCT session_id) AS add_to_cart"
                + " FROM (SELECT session_id, unnest(map_keys(cart_contents)) AS product_id FROM sessions)"
                + " WHERE product_id IS NOT NULL GROUP BY 1),"
                + " s AS (SELECT product_id, count(DISTINCT transaction_id) AS purchases,"
                + " sum(quantity)::BIGINT AS units_sold, sum(subtotal) AS revenue FROM transaction_items GROUP BY 1)"
                + " SELECT product_id, p.name AS product_name, p.category_id, cat.name AS category_name,"
                + " coalesce(views, 0) AS views, coalesce(add_to_cart, 0) AS add_to_cart,"
                + " coalesce(purchases, 0) AS purchases, coalesce(units_sold, 0) AS units_sold,"
                + " coalesce(revenue, 0) AS revenue,"
                + " CASE WHEN coalesce(views, 0) = 0 THEN NULL ELSE coalesce(purchases, 0)::DOUBLE / views END"
                + " AS view_to_purchase_rate"
                + " FROM v FULL JOIN c USING (product_id) FULL JOIN s USING (product_id)"
                + " LEFT JOIN products p USING (product_id)"
                + " LEFT JOIN categories cat ON cat.category_id = p.category_id";
        Map<Analytic, String> queries = new EnumMap<>(Analytic.class);
        queries.put(Analytic.REVENUE_BY_CATEGORY, "WITH a AS (SELECT category_id, category_name,"
                + " sum(subtotal) AS revenue,"
                + " sum(quantity)::BIGINT AS quantity, count(DISTINCT transaction_id) AS orders"
                + " FROM transaction_items GROUP BY ALL)"
                + " SELECT *, revenue::DOUBLE / (sum(revenue) OVER ())::DOUBLE AS share FROM a"
                + " ORDER BY revenue DESC, category_id NULLS LAST");
        queries.put(Analytic.REVENUE_BY_CATEGORY_AND_DAY, "WITH a AS (SELECT CAST(timestamp AS DATE) AS day,"
                + " category_id,"
                + " category_name, sum(subtotal) AS revenue, sum(quantity)::BIGINT AS quantity,"
                + " count(DISTINCT transaction_id) AS orders FROM transaction_items GROUP BY ALL)"
                + " SELECT *, revenue::DOUBLE / (sum(revenue) OVER (PARTITION BY day))::DOUBLE AS share FROM a"
                + " ORDER BY day, revenue DESC, category_id NULLS LAST");
        queries.put(Analytic.PRODUCT_PERFORMANCE, productPerformance + " ORDER BY revenue DESC, product_id");
        queries.put(Analytic.CATEGORY_PERFORMANCE, "SELECT category_id, category_name, sum(views) AS views,"
                + " sum(add_to_cart) AS add_to_cart, sum(purchases) AS purchases, sum(units_sold) AS units_sold,"
                + " sum(revenue) AS revenue, CASE WHEN sum(views) = 0 THEN NULL ELSE sum(purchases)::DOUBLE"
                + " / sum(views) END AS view_to_purchase_rate FROM (" + productPerformance + ") GROUP BY ALL"
                + " ORDER BY revenue DESC, category_id NULLS LAST");
        queries.put(Analytic.PRODUCT_AFFINITY, "WITH bp AS (SELECT DISTINCT transaction_id, product_id"
                + " FROM transaction_items),"
                + " pc AS (SELECT product_id, count(*) AS n FROM bp GROUP BY 1),"
                + " total AS (SELECT count(DISTINCT transaction_id) AS baskets FROM bp),"
                + " pairs AS (SELECT a.product_id, b.product_id AS other_product_id, count(*) AS pair_transactions"
                + " FROM bp a JOIN bp b ON a.transaction_id = b.transaction_id AND a.product_id <> b.product_id"
                + " GROUP BY 1, 2),"
                + " scored AS (SELECT pairs.*, pair_transactions::DOUBLE / baskets AS support,"
                + " pair_transactions::DOUBLE / pa.n AS confidence,"
                + " pair_transactions::DOUBLE * baskets / (pa.n * pb.n) AS lift"
                + " FROM pairs JOIN pc pa ON pa.product_id = pairs.product_id"
                + " JOIN pc pb ON pb.product_id = pairs.other_product_id, total)"
                + " SELECT *, row_number() OVER (PARTITION BY product_id ORDER BY confidence DESC, lift DESC,"
                + " other_product_id) AS rank FROM scored QUALIFY rank <= " + topPairs + " ORDER BY product_id, rank");
        queries.put(Analytic.CUSTOMER_SPEND, "SELECT user_id, count(*) AS orders, sum(total) AS total_spent,"
                + " round(sum(total) / count(*), 2) AS average_order_value, min(timestamp) AS first_purchase,"
                + " max(timestamp) AS last_purchase, count(DISTINCT CAST(timestamp AS DATE)) AS purchase_days"
                + " FROM transactions GROUP BY user_id ORDER BY total_spent DESC, user_id");
        queries.put(Analytic.SESSION_ENGAGEMENT, "SELECT user_id, count(*) AS sessions,"
                + " sum(duration_seconds)::BIGINT AS total_duration_seconds,"
                + " avg(duration_seconds) AS average_duration_seconds, sum(len(page_views)) AS page_views,"
                + " count(*) FILTER (WHERE conversion_status = 'converted') AS converted_sessions,"
                + " (count(*) FILTER (WHERE conversion_status = 'converted'))::DOUBLE / count(*) AS conversion_rate,"
                + " count(*) FILTER (WHERE device_profile.type = 'mobile') AS device_mobile,"
                + " count(*) FILTER (WHERE device_profile.type = 'desktop') AS device_desktop,"
                + " count(*) FILTER (WHERE device_profile.type = 'tablet') AS device_tablet,"
                + " count(*) FILTER (WHERE referrer = 'direct') AS referrer_direct,"
                + " count(*) FILTER (WHERE referrer = 'email') AS referrer_email,"
                + " count(*) FILTER (WHERE referrer = 'social') AS referrer_social,"
                + " count(*) FILTER (WHERE referrer = 'search_engine') AS referrer_search_engine,"
                + " count(*) FILTER (WHERE referrer = 'affiliate') AS referrer_affiliate"
                + " FROM sessions GROUP BY user_id ORDER BY user_id");
        queries.put(Analytic.CONVERSION_FUNNEL, "WITH flags AS (SELECT"
                + " list_bool_or(list_transform(page_views,"
                + " v -> v.page_type IN ('home', 'search', 'category_listing'))) AS s1,"
                + " list_bool_or(list_transform(page_views, v -> v.page_type = 'product_detail')) AS s2,"
                + " list_bool_or(list_transform(page_views, v -> v.page_type = 'cart')) AS s3,"
                + " list_bool_or(list_transform(page_views, v -> v.page_type = 'checkout')) AS s4,"
                + " list_bool_or(list_transform(page_views, v -> v.page_type = 'confirmation')) AS s5 FROM sessions),"
                + " c AS (SELECT count(*) FILTER (WHERE s1) AS c1, count(*) FILTER (WHERE s1 AND s2) AS c2,"
                + " count(*) FILTER (WHERE s1 AND s2 AND s3) AS c3,"
                + " count(*) FILTER (WHERE s1 AND s2 AND s3 AND s4) AS c4,"
                + " count(*) FILTER (WHERE s1 AND s2 AND s3 AND s4 AND s5) AS c5 FROM flags)"
                + " SELECT * FROM (SELECT 1 AS stage_number, 'landing' AS stage, c1 AS sessions, c1::DOUBLE / c1 AS"
                + " rate_from_previous, c1::DOUBLE / c1 AS rate_from_start FROM c"
                + " UNION ALL SELECT 2, 'product_detail', c2, c2::DOUBLE / c1, c2::DOUBLE / c1 FROM c"
                + " UNION ALL SELECT 3, 'cart', c3, c3::DOUBLE / c2, c3::DOUBLE / c1 FROM c"
                + " UNION ALL SELECT 4, 'checkout', c4, c4::DOUBLE / c3, c4::DOUBLE / c1 FROM c"
                + " UNION ALL SELECT 5, 'confirmation', c5, c5::DOUBLE / c4, c5::DOUBLE / c1 FROM c) ORDER BY 1");
        queries.put(Analytic.TRANSACTIONS_PER_CUSTOMER, "SELECT transactions, count(*) AS customers FROM"
                + " (SELECT user_id, count(*) AS transactions FROM transactions GROUP BY 1) GROUP BY 1 ORDER BY 1");
        queries.put(Analytic.SESSIONS_PER_USER, "SELECT sessions, count(*) AS users FROM"
                + " (SELECT user_id, count(*) AS sessions FROM sessions GROUP BY 1) GROUP BY 1 ORDER BY 1");
        queries.put(Analytic.AVERAGE_SESSION_DURATION, "SELECT bucket_start_seconds, bucket_start_seconds + "
                + bucketSeconds + " AS bucket_end_seconds, count(*) AS users FROM (SELECT"
                + " (floor(avg(duration_seconds) / " + bucketSeconds + ") * " + bucketSeconds + ")::BIGINT"
                + " AS bucket_start_seconds FROM sessions GROUP BY user_id) GROUP BY 1 ORDER BY 1");
        // Exact purchase times, as Analytics.all: every transaction counts, times in microseconds from the first.
        queries.put(Analytic.CUSTOMER_SUMMARY, "WITH per AS (SELECT user_id, count(*) AS purchases,"
                + " epoch_us(min(timestamp)) AS first_us, epoch_us(max(timestamp)) AS last_us, sum(total) AS spent,"
                + " arg_min(total, (timestamp, total)) AS first_total FROM transactions"
                + " WHERE timestamp <= TIMESTAMP '" + observationEnd + "' GROUP BY 1)"
                + " SELECT user_id AS customer_id, purchases - 1 AS frequency,"
                + " (last_us - first_us)::DOUBLE / 86400000000.0::DOUBLE AS recency,"
                + " (epoch_us(TIMESTAMP '" + observationEnd + "') - first_us)::DOUBLE / 86400000000.0::DOUBLE AS T,"
                + " CASE WHEN purchases = 1 THEN 0.0 ELSE round((spent - first_total) / (purchases - 1), 2)::DOUBLE"
                + " END AS monetary_value FROM per ORDER BY customer_id");
        return queries;
    }
}
