package io.ecomanalytics.charts;

/** The charts this module draws, in report order, each with the file name it is written to. */
public enum ChartKind {
    REVENUE_BY_CATEGORY("01-revenue-by-category"),
    TOP_CUSTOMERS_BY_LIFETIME_VALUE("02-top-customers-by-lifetime-value"),
    TRANSACTIONS_PER_CUSTOMER("03-transactions-per-customer"),
    SESSIONS_PER_USER("04-sessions-per-user"),
    ENGAGED_USER_SESSION_DURATION("05-engaged-user-session-duration"),
    SALES_AGAINST_SESSION_DURATION("06-sales-against-session-duration"),
    CONVERSION_FUNNEL("07-conversion-funnel"),
    DAILY_REVENUE("08-daily-revenue"),
    LIFETIME_VALUE_BY_SEGMENT("09-lifetime-value-by-segment"),
    ALIVE_PROBABILITY_HEAT_MAP("10-alive-probability-heat-map"),
    HOLDOUT_BY_CALIBRATION_PURCHASES("11-holdout-by-calibration-purchases"),
    PREDICTED_AGAINST_ACTUAL_HOLDOUT("12-predicted-against-actual-holdout"),
    SEGMENTS_ON_PRINCIPAL_COMPONENTS("13-segments-on-principal-components"),
    REVENUE_SHARE_BY_SEGMENT("14-revenue-share-by-segment"),
    RECOMMENDATION_MODELS("15-recommendation-models");

    private final String baseName;

    ChartKind(String baseName) {
        this.baseName = baseName;
    }

    /** The PNG file name, for example {@code 01-revenue-by-category.png}. */
    public String fileName() {
        return baseName + ".png";
    }
}
