package io.ecomanalytics.hbase;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The families and qualifiers of {@code ecommerce:user_sessions}; {@code CELLS.md} documents every cell. */
final class SessionColumns {

    static final byte[] SESSION = bytes("session");
    static final byte[] METRICS = bytes("metrics");
    static final byte[] DEVICE = bytes("device");
    static final byte[] GEO = bytes("geo");
    /** Every family, in the order of {@code CELLS.md}. */
    static final List<byte[]> FAMILIES = List.of(SESSION, METRICS, DEVICE, GEO);

    static final byte[] SESSION_ID = bytes("session_id");
    static final byte[] USER_ID = bytes("user_id");
    static final byte[] START_TIME = bytes("start_time");
    static final byte[] END_TIME = bytes("end_time");
    static final byte[] DURATION_SECONDS = bytes("duration_seconds");
    static final byte[] REFERRER = bytes("referrer");
    static final byte[] CONVERSION_STATUS = bytes("conversion_status");
    static final byte[] PAGE_VIEWS = bytes("page_views");
    static final byte[] VIEWED_PRODUCTS = bytes("viewed_products");
    static final byte[] CART_CONTENTS = bytes("cart_contents");

    static final byte[] PRODUCT_VIEWS = bytes("product_views");
    static final byte[] CART_ITEMS = bytes("cart_items");
    static final byte[] CART_VALUE = bytes("cart_value");
    static final byte[] DISTINCT_PRODUCTS = bytes("distinct_products");
    static final byte[] SECONDS_PER_PAGE = bytes("seconds_per_page");
    static final byte[] CONVERTED = bytes("converted");

    static final byte[] TYPE = bytes("type");
    static final byte[] OS = bytes("os");
    static final byte[] BROWSER = bytes("browser");

    static final byte[] CITY = bytes("city");
    static final byte[] STATE = bytes("state");
    static final byte[] COUNTRY = bytes("country");
    static final byte[] IP_ADDRESS = bytes("ip_address");

    private SessionColumns() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String name(byte[] family) {
        return new String(family, StandardCharsets.UTF_8);
    }
}
