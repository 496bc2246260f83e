package io.ecomanalytics.data;

import java.util.List;

/** The enumerated values of the dataset, as written on the wire. The validator accepts exactly these. */
public final class Vocabulary {

    /** {@code page_views[].page_type}. */
    public static final List<String> PAGE_TYPES = List.of(
            "home", "search", "category_listing", "product_detail", "cart", "checkout", "confirmation");
    /** {@code device_profile.type}. */
    public static final List<String> DEVICE_TYPES = List.of("mobile", "desktop", "tablet");
    /** {@code device_profile.os}. */
    public static final List<String> OPERATING_SYSTEMS = List.of("iOS", "Android", "Windows", "macOS");
    /** {@code device_profile.browser}. */
    public static final List<String> BROWSERS = List.of("Chrome", "Safari", "Firefox", "Edge");
    /** {@code conversion_status}. */
    public static final List<String> CONVERSION_STATUSES = List.of("converted", "abandoned", "browsed");
    /** {@code referrer}. */
    public static final List<String> REFERRERS = List.of("direct", "email", "social", "search_engine", "affiliate");
    /** {@code payment_method}. */
    public static final List<String> PAYMENT_METHODS = List.of(
            "credit_card", "debit_card", "paypal", "apple_pay", "google_pay");
    /** {@code status} of a transaction. */
    public static final List<String> TRANSACTION_STATUSES = List.of("completed", "pending", "refunded", "cancelled");

    private Vocabulary() {
    }
}
