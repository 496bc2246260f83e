package io.ecomanalytics.clv;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The feature table the learned segments are drawn from: one row per customer with a purchase, from both stores
 * (purchases and CLV from MongoDB's transactions, engagement from HBase's sessions), before standardisation.
 *
 * <p>Output columns: {@code customer_id} string, {@code rfm_segment} string, {@code total_spent} double,
 * {@code clv} double, then one double column per {@link SegmentFeature} (see its Javadoc for the transform).
 * Customers without a session have 0 sessions, pages, rates and shares.
 */
public final class SegmentFeatures {
    /** Columns {@link #table} reads from the customer table ({@code customer_clv}). */
    public static final List<String> CUSTOMER_COLUMNS = List.of("customer_id", "recency", "T", "orders",
            "total_spent", "clv", "probability_alive", "average_session_seconds", "conversion_rate", "segment");

    private SegmentFeatures() {
    }

    /**
     * @param customers         the customer table ({@link #CUSTOMER_COLUMNS}, times in days)
     * @param sessionEngagement per-user engagement: user_id, sessions, page_views, device_mobile, device_desktop,
     *                          device_tablet, referrer_direct, referrer_email, referrer_social,
     *                          referrer_search_engine, referrer_affiliate
     * @param sessions          cleaned sessions (user_id, conversion_status), for the cart abandonment rate
     */
    public static Dataset<Row> table(Dataset<Row> customers, Dataset<Row> sessionEngagement, Dataset<Row> sessions) {
        Dataset<Row> carts = sessions.groupBy(col("user_id").as("cart_user_id"))
                .agg(sum(when(col("conversion_status").equalTo("abandoned"), 1L).otherwise(0L)).as("abandoned"),
                        sum(when(col("conversion_status").equalTo("converted"), 1L).otherwise(0L)).as("converted"));
        // The customer table has a sessions column of its own: the engagement's is renamed to keep them apart.
        Dataset<Row> engagement = sessionEngagement.select(col("user_id").as("engagement_user_id"),
                col("sessions").as("engagement_sessions"), col("page_views"), col("device_mobile"),
                col("device_desktop"), col("device_tablet"), col("referrer_direct"), col("referrer_email"),
                col("referrer_social"), col("referrer_search_engine"), col("referrer_affiliate"));
        Dataset<Row> customer = customers.select(CUSTOMER_COLUMNS.stream().map(name -> col(name))
                .toArray(Column[]::new));
        Dataset<Row> joined = customer
                .join(engagement, customer.col("customer_id").equalTo(engagement.col("engagement_user_id")), "left")
                .join(carts, customer.col("customer_id").equalTo(carts.col("cart_user_id")), "left");
        Column sessionCount = coalesce(col("engagement_sessions").cast("double"), lit(0.0));
        Column orders = greatest(col("orders").cast("double"), lit(1.0));
        Column carted = coalesce(col("abandoned").plus(col("converted")).cast("double"), lit(0.0));
        List<Column> output = new ArrayList<>(List.of(col("customer_id"), col("segment").as("rfm_segment"),
                col("total_spent").cast("double").as("total_spent"), col("clv").cast("double").as("clv")));
        output.add(col("T").minus(col("recency")).cast("double").as(name(SegmentFeature.DAYS_SINCE_LAST_PURCHASE)));
        output.add(log1p(col("orders").cast("double")).as(name(SegmentFeature.PURCHASES)));
        output.add(log1p(col("total_spent").cast("double").divide(orders))
                .as(name(SegmentFeature.AVERAGE_ORDER_VALUE)));
        output.add(log1p(greatest(col("clv").cast("double"), lit(0.0))).as(name(SegmentFeature.LIFETIME_VALUE)));
        output.add(col("probability_alive").cast("double").as(name(SegmentFeature.PROBABILITY_ALIVE)));
        output.add(log1p(sessionCount).as(name(SegmentFeature.SESSIONS)));
        output.add(col("average_session_seconds").cast("double").as(name(SegmentFeature.AVERAGE_SESSION_SECONDS)));
        output.add(share(col("page_views"), sessionCount).as(name(SegmentFeature.PAGES_PER_SESSION)));
        output.add(share(col("abandoned"), carted).as(name(SegmentFeature.CART_ABANDONMENT_RATE)));
        output.add(col("conversion_rate").cast("double").as(name(SegmentFeature.CONVERSION_RATE)));
        output.add(share(col("device_mobile"), sessionCount).as(name(SegmentFeature.MOBILE_SHARE)));
        output.add(share(col("device_desktop"), sessionCount).as(name(SegmentFeature.DESKTOP_SHARE)));
        output.add(share(col("device_tablet"), sessionCount).as(name(SegmentFeature.TABLET_SHARE)));
        output.add(share(col("referrer_direct"), sessionCount).as(name(SegmentFeature.DIRECT_SHARE)));
        output.add(share(col("referrer_email"), sessionCount).as(name(SegmentFeature.EMAIL_SHARE)));
        output.add(share(col("referrer_social"), sessionCount).as(name(SegmentFeature.SOCIAL_SHARE)));
        output.add(share(col("referrer_search_engine"), sessionCount).as(name(SegmentFeature.SEARCH_ENGINE_SHARE)));
        output.add(share(col("referrer_affiliate"), sessionCount).as(name(SegmentFeature.AFFILIATE_SHARE)));
        return joined.select(output.toArray(Column[]::new));
    }

    private static String name(SegmentFeature feature) {
        return feature.columnName();
    }

    /** {@code part / whole}, 0 when the whole is 0 or the part is missing. */
    private static Column share(Column part, Column whole) {
        return when(whole.gt(0), coalesce(part.cast("double"), lit(0.0)).divide(whole)).otherwise(lit(0.0));
    }
}
