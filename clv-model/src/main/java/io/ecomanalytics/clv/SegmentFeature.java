package io.ecomanalytics.clv;

/**
 * The behaviour a learned customer segment is drawn from: one standardised column each of
 * {@link SegmentFeatures#table}, with the words a segment profile uses when its centroid lies well above or below
 * the population mean.
 */
public enum SegmentFeature {
    /** ln(1 + days since the last purchase, T - t_x): high means long ago. */
    DAYS_SINCE_LAST_PURCHASE("log_days_since_last_purchase", "last bought long ago", "bought recently"),
    /** ln(1 + purchases). */
    PURCHASES("log_purchases", "buys often", "buys rarely"),
    /** ln(1 + average order value). */
    AVERAGE_ORDER_VALUE("log_average_order_value", "high spend per order", "low spend per order"),
    /** ln(1 + CLV over the horizon). */
    LIFETIME_VALUE("log_clv", "high expected value", "low expected value"),
    /** P(alive) of the BG/NBD model. */
    PROBABILITY_ALIVE("probability_alive", "likely still active", "likely lapsed"),
    /** ln(1 + sessions). */
    SESSIONS("log_sessions", "visits often", "visits rarely"),
    /**
     * ln(1 + days from the start of the last session to the end of the observation window, at least 0); since the
     * last purchase for a customer without a session.
     */
    DAYS_SINCE_LAST_VISIT("log_days_since_last_visit", "last visited long ago", "visited recently"),
    /** Mean session length in seconds. */
    AVERAGE_SESSION_SECONDS("average_session_seconds", "long visits", "short visits"),
    /** Page views per session. */
    PAGES_PER_SESSION("pages_per_session", "views many pages", "views few pages"),
    /** Abandoned sessions / (abandoned + converted sessions), carts left without buying; shrunk (see the table). */
    CART_ABANDONMENT_RATE("cart_abandonment_rate", "often abandons a cart", "rarely abandons a cart"),
    /** Converted sessions / sessions, shrunk toward the population's rate (see the table). */
    CONVERSION_RATE("conversion_rate", "visits often end in a purchase", "visits rarely end in a purchase"),
    /** Share of sessions on a mobile device; this and the other shares are shrunk (see the table). */
    MOBILE_SHARE("mobile_share", "mostly mobile", "seldom mobile"),
    /** Share of sessions on a desktop. */
    DESKTOP_SHARE("desktop_share", "mostly desktop", "seldom desktop"),
    /** Share of sessions on a tablet. */
    TABLET_SHARE("tablet_share", "often on a tablet", "seldom on a tablet"),
    /** Share of sessions arriving directly. */
    DIRECT_SHARE("direct_share", "comes directly", "seldom comes directly"),
    /** Share of sessions arriving from an email. */
    EMAIL_SHARE("email_share", "comes from emails", "seldom comes from emails"),
    /** Share of sessions arriving from social media. */
    SOCIAL_SHARE("social_share", "comes from social media", "seldom comes from social media"),
    /** Share of sessions arriving from a search engine. */
    SEARCH_ENGINE_SHARE("search_engine_share", "comes from search engines", "seldom comes from search engines"),
    /** Share of sessions arriving from an affiliate. */
    AFFILIATE_SHARE("affiliate_share", "comes from affiliates", "seldom comes from affiliates");

    private final String columnName;
    private final String highWords;
    private final String lowWords;

    SegmentFeature(String columnName, String highWords, String lowWords) {
        this.columnName = columnName;
        this.highWords = highWords;
        this.lowWords = lowWords;
    }

    /** The column of the feature table. */
    public String columnName() {
        return columnName;
    }

    /** How a profile says that a segment's mean lies well above the population's. */
    public String highWords() {
        return highWords;
    }

    /** How a profile says that a segment's mean lies well below the population's. */
    public String lowWords() {
        return lowWords;
    }
}
