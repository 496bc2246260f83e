package io.ecomanalytics.testing;

/**
 * One valid record of each entity, as JSON text, that refer to each other (the transaction and the session belong to
 * the user and sell or show the product of the category). Tests break one of them to make a bad input.
 */
public final class SampleJson {

    public static final String CATEGORY = "{\"category_id\":\"cat_001\",\"name\":\"Kitchen\",\"subcategories\":"
            + "[{\"subcategory_id\":\"sub_001_01\",\"name\":\"Kettles\",\"profit_margin\":0.25}]}";
    public static final String PRODUCT = "{\"product_id\":\"prod_00001\",\"name\":\"Kettle\",\"category_id\":\"cat_001\","
            + "\"base_price\":10.00,\"current_stock\":5,\"is_active\":true,"
            + "\"price_history\":[{\"price\":10.00,\"date\":\"2024-01-01T00:00:00\"}],"
            + "\"creation_date\":\"2024-01-01T00:00:00\"}";
    public static final String USER = "{\"user_id\":\"user_000001\",\"geo_data\":{\"city\":\"Lyon\",\"state\":\"ARA\","
            + "\"country\":\"France\"},\"registration_date\":\"2024-01-01T00:00:00\","
            + "\"last_active\":\"2024-02-01T00:00:00\"}";
    public static final String TRANSACTION = "{\"transaction_id\":\"txn_000000000001\",\"session_id\":null,"
            + "\"user_id\":\"user_000001\",\"timestamp\":\"2024-02-01T10:00:00\",\"items\":[{\"product_id\":"
            + "\"prod_00001\",\"quantity\":2,\"unit_price\":10.00,\"subtotal\":20.00}],\"subtotal\":20.00,"
            + "\"discount\":2.00,\"total\":18.00,\"payment_method\":\"paypal\",\"status\":\"completed\"}";
    public static final String SESSION = "{\"session_id\":\"sess_0000000001\",\"user_id\":\"user_000001\","
            + "\"start_time\":\"2024-02-01T09:50:00\",\"end_time\":\"2024-02-01T10:00:00\",\"duration_seconds\":600,"
            + "\"geo_data\":{\"city\":\"Lyon\",\"state\":\"ARA\",\"country\":\"France\",\"ip_address\":\"10.0.0.1\"},"
            + "\"device_profile\":{\"type\":\"mobile\",\"os\":\"Android\",\"browser\":\"Chrome\"},"
            + "\"viewed_products\":[\"prod_00001\"],\"page_views\":[{\"timestamp\":\"2024-02-01T09:50:00\","
            + "\"page_type\":\"home\",\"product_id\":null,\"category_id\":null,\"view_duration\":60},"
            + "{\"timestamp\":\"2024-02-01T09:51:00\",\"page_type\":\"product_detail\",\"product_id\":\"prod_00001\","
            + "\"category_id\":\"cat_001\",\"view_duration\":540}],\"cart_contents\":{\"prod_00001\":{\"quantity\":2,"
            + "\"price\":10.00}},\"conversion_status\":\"converted\",\"referrer\":\"email\"}";

    private SampleJson() {
    }

    /** {@code record} with {@code from} replaced by {@code to}; a test bug when {@code from} is not in it. */
    public static String replaced(String record, String from, String to) {
        if (!record.contains(from)) {
            throw new IllegalArgumentException("Test bug: '" + from + "' is not in " + record);
        }
        return record.replace(from, to);
    }
}
