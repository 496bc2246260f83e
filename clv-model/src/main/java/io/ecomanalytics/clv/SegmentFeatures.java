package io.ecomanalytics.clv;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The feature table the learned segments are drawn from: one row per customer with a purchase, from both stores
 * (purchases and CLV from MongoDB's transactions, engagement from HBase's sessions), before standardisation.
 *
 * <p>Output columns: {@code customer_id} string, {@code rfm_segment} string, {@code total_spent} double,
 * {@code clv} double, then one double column per {@link SegmentFeature} (see its Javadoc for the transform).
 * The rates and the device and referrer mixes are shrunk toward the population's ({@link ShrunkProportions}), so a
 * customer without a session has the population's; their session count and pages are 0.
 */
public final class SegmentFeatures {
    /** Columns {@link #table} reads from the customer table ({@code customer_clv}). */
    public static final List<String> CUSTOMER_COLUMNS = List.of("customer_id", "recency", "T", "orders",
            "total_spent", "clv", "probability_alive", "average_session_seconds", "segment");
    private static final double SECONDS_PER_DAY = 86_400;

    private SegmentFeatures() {
    }

    /**
     * The table, with one aggregation to fit the shrinkage priors.
     *
     * @param customers         the customer table ({@link #CUSTOMER_COLUMNS}, times in days)
     * @param sessionEngagement per-user engagement: user_id, sessions, page_views, device_mobile, device_desktop,
     *                          device_tablet, referrer_direct, referrer_email, referrer_social,
     *                          referrer_search_engine, referrer_affiliate
     * @param sessions          cleaned sessions (user_id, start_time, conversion_status), for the cart abandonment
     *                          and conversion rates and the last visit
     * @param observationEnd    the end of the observation window the customer table's T is measured to
     */
    public static Dataset<Row> table(Dataset<Row> customers, Dataset<Row> sessionEngagement, Dataset<Row> sessions,
            Instant observationEnd) {
        Objects.requireNonNull(observationEnd, "observationEnd");
        Dataset<Row> visits = sessions.groupBy(col("user_id").as("visit_user_id"))
                .agg(sum(when(col("conversion_status").equalTo("abandoned"), 1L).otherwise(0L)).as("abandoned"),
                        sum(when(col("conversion_status").equalTo("converted"), 1L).otherwise(0L)).as("converted"),
                        max(col("start_time")).as("last_visit"));
        // The customer table has a sessions column of its own: the engagement's is renamed to keep them apart.
        Dataset<Row> engagement = sessionEngagement.select(col("user_id").as("engagement_user_id"),
                col("sessions").as("engagement_sessions"), col("page_views"), col("device_mobile"),
                col("device_desktop"), col("device_tablet"), col("referrer_direct"), col("referrer_email"),
                col("referrer_social"), col("referrer_search_engine"), col("referrer_affiliate"));
        Dataset<Row> customer = customers.select(CUSTOMER_COLUMNS.stream().map(name -> col(name))
                .toArray(Column[]::new));
        Dataset<Row> joined = customer
                .join(engagement, customer.col("customer_id").equalTo(engagement.col("engagement_user_id")), "left")
                .join(visits, customer.col("customer_id").equalTo(visits.col("visit_user_id")), "left");
        Column sessionCount = coalesce(col("engagement_sessions").cast("double"), lit(0.0));
        Column converted = coalesce(col("converted").cast("double"), lit(0.0));
        Dataset<Row> shrunk = ShrunkProportions.withShares(joined, List.of(
                new ShrunkProportions.Group("conversion", List.of(converted, sessionCount.minus(converted)),
                        List.of(name(SegmentFeature.CONVERSION_RATE))),
                new ShrunkProportions.Group("carts", List.of(col("abandoned"), col("converted")),
                        List.of(name(SegmentFeature.CART_ABANDONMENT_RATE))),
                new ShrunkProportions.Group("devices", List.of(col("device_mobile"), col("device_desktop"),
                        col("device_tablet")), List.of(name(SegmentFeature.MOBILE_SHARE),
                        name(SegmentFeature.DESKTOP_SHARE), name(SegmentFeature.TABLET_SHARE))),
                new ShrunkProportions.Group("referrers", List.of(col("referrer_direct"), col("referrer_email"),
                        col("referrer_social"), col("referrer_search_engine"), col("referrer_affiliate")),
                        List.of(name(SegmentFeature.DIRECT_SHARE), name(SegmentFeature.EMAIL_SHARE),
                                name(SegmentFeature.SOCIAL_SHARE), name(SegmentFeature.SEARCH_ENGINE_SHARE),
                                name(SegmentFeature.AFFILIATE_SHARE)))));
        Column orders = greatest(col("orders").cast("double"), lit(1.0));
        Column daysSinceLastPurchase = col("T").minus(col("recency")).cast("double");
        Column daysSinceLastVisit = greatest(lit(0.0), lit(observationEnd.getEpochSecond())
                .minus(unix_timestamp(col("last_visit"))).cast("double").divide(SECONDS_PER_DAY));
        Map<SegmentFeature, Column> features = new EnumMap<>(SegmentFeature.class);
        features.put(SegmentFeature.DAYS_SINCE_LAST_PURCHASE, log1p(daysSinceLastPurchase));
        features.put(SegmentFeature.PURCHASES, log1p(col("orders").cast("double")));
        features.put(SegmentFeature.AVERAGE_ORDER_VALUE, log1p(col("total_spent").cast("double").divide(orders)));
        features.put(SegmentFeature.LIFETIME_VALUE, log1p(greatest(col("clv").cast("double"), lit(0.0))));
        features.put(SegmentFeature.PROBABILITY_ALIVE, col("probability_alive").cast("double"));
        features.put(SegmentFeature.SESSIONS, log1p(sessionCount));
        features.put(SegmentFeature.DAYS_SINCE_LAST_VISIT,
                log1p(when(col("last_visit").isNull(), daysSinceLastPurchase).otherwise(daysSinceLastVisit)));
        features.put(SegmentFeature.AVERAGE_SESSION_SECONDS, col("average_session_seconds").cast("double"));
        features.put(SegmentFeature.PAGES_PER_SESSION, when(sessionCount.gt(0),
                coalesce(col("page_views").cast("double"), lit(0.0)).divide(sessionCount)).otherwise(lit(0.0)));
        List<Column> output = new ArrayList<>(List.of(col("customer_id"), col("segment").as("rfm_segment"),
                col("total_spent").cast("double").as("total_spent"), col("clv").cast("double").as("clv")));
        for (SegmentFeature feature : SegmentFeature.values()) {
            output.add(features.getOrDefault(feature, col(name(feature))).as(name(feature)));
        }
        return shrunk.select(output.toArray(Column[]::new));
    }

    private static String name(SegmentFeature feature) {
        return feature.columnName();
    }
}
