package io.ecomanalytics.transforms;

import static io.ecomanalytics.transforms.SharedSpark.json;

/**
 * A hand-made shop whose figures are worked out by hand in the tests.
 *
 * <pre>
 * categories: cat_1 Books, cat_2 Games          products: p1, p2 (cat_1), p3 (cat_2); p9 is unknown
 * transactions (user, UTC time, items as product x quantity @ unit price, total):
 *   t1 u1 2024-01-01 10:00  p1 2 @ 10.00, p3 1 @ 5.50             total 25.50
 *   t2 u1 2024-01-03 09:00  p1 1 @ 10.00, p2 1 @ 7.25             total 15.52 (discount 1.73)
 *   t3 u2 2024-01-03 23:30  p3 2 @ 5.50, p9 1 @ 3.00 (unknown)     total 14.00
 *   t4 u1 2024-01-03 12:00  p1 1 @ 10.00                           total 10.00
 *   t5 u3 2024-01-02 00:00  p2 3 @ 7.25                            total 21.75  (u3 has no session)
 * sessions (user, page types, cart, status, duration, device, referrer):
 *   s1 u1 home, product_detail p1, product_detail p3, cart, checkout, confirmation; cart p1, p3; converted; 300; mobile; email
 *   s2 u1 home, product_detail p1, cart; cart p2; abandoned; 100; desktop; direct
 *   s3 u4 search, product_detail p2, product_detail p2; empty cart; browsed; 50; mobile; social (u4 never buys)
 *   s4 u2 product_detail p3, cart, checkout, confirmation; cart p3; converted; 200; tablet; search_engine
 * </pre>
 */
final class TinyShop {

    private TinyShop() {
    }

    static CleanTables tables() {
        return new CleanTables(
                Cleaning.users(json(Schemas.usersFromJson(),
                        user("u1"), user("u2"), user("u3"), user("u4"))).kept(),
                Cleaning.products(json(Schemas.productsFromJson(),
                        product("p1", "Novel", "cat_1", "10.00"),
                        product("p2", "Atlas", "cat_1", "7.25"),
                        product("p3", "Chess", "cat_2", "5.50"))).kept(),
                Cleaning.categories(json(Schemas.categoriesFromJson(),
                        "{\"category_id\":\"cat_1\",\"name\":\"Books\",\"subcategories\":[]}",
                        "{\"category_id\":\"cat_2\",\"name\":\"Games\",\"subcategories\":[]}")).kept(),
                Cleaning.transactions(json(Schemas.transactionsFromJson(),
                        transaction("t1", "u1", "2024-01-01T10:00:00", "25.50", "0",
                                item("p1", 2, "10.00"), item("p3", 1, "5.50")),
                        transaction("t2", "u1", "2024-01-03T09:00:00", "15.52", "1.73",
                                item("p1", 1, "10.00"), item("p2", 1, "7.25")),
                        transaction("t3", "u2", "2024-01-03T23:30:00", "14.00", "0",
                                item("p3", 2, "5.50"), item("p9", 1, "3.00")),
                        transaction("t4", "u1", "2024-01-03T12:00:00", "10.00", "0",
                                item("p1", 1, "10.00")),
                        transaction("t5", "u3", "2024-01-02T00:00:00", "21.75", "0",
                                item("p2", 3, "7.25")))).kept(),
                Cleaning.sessions(json(Schemas.sessionsFromJson(),
                        session("s1", "u1", "converted", 300, "mobile", "email", "\"p1\":1,\"p3\":1",
                                view("home", null), view("product_detail", "p1"), view("product_detail", "p3"),
                                view("cart", null), view("checkout", null), view("confirmation", null)),
                        session("s2", "u1", "abandoned", 100, "desktop", "direct", "\"p2\":1",
                                view("home", null), view("product_detail", "p1"), view("cart", null)),
                        session("s3", "u4", "browsed", 50, "mobile", "social", "",
                                view("search", null), view("product_detail", "p2"), view("product_detail", "p2")),
                        session("s4", "u2", "converted", 200, "tablet", "search_engine", "\"p3\":2",
                                view("product_detail", "p3"), view("cart", null), view("checkout", null),
                                view("confirmation", null)))).kept());
    }

    private static String user(String id) {
        return "{\"user_id\":\"" + id + "\",\"geo_data\":{\"city\":\"Lyon\",\"state\":\"ARA\",\"country\":\"FR\"},"
                + "\"registration_date\":\"2023-12-01T00:00:00\",\"last_active\":\"2024-01-03T23:30:00\"}";
    }

    private static String product(String id, String name, String category, String price) {
        return "{\"product_id\":\"" + id + "\",\"name\":\"" + name + "\",\"category_id\":\"" + category
                + "\",\"base_price\":" + price + ",\"current_stock\":10,\"is_active\":true,\"price_history\":[],"
                + "\"creation_date\":\"2023-01-01T00:00:00\"}";
    }

    private static String item(String product, int quantity, String unitPrice) {
        String subtotal = new java.math.BigDecimal(unitPrice).multiply(java.math.BigDecimal.valueOf(quantity))
                .toPlainString();
        return "{\"product_id\":\"" + product + "\",\"quantity\":" + quantity + ",\"unit_price\":" + unitPrice
                + ",\"subtotal\":" + subtotal + "}";
    }

    private static String transaction(String id, String user, String time, String total, String discount,
            String... items) {
        java.math.BigDecimal subtotal = new java.math.BigDecimal(total).add(new java.math.BigDecimal(discount));
        return "{\"transaction_id\":\"" + id + "\",\"user_id\":\"" + user + "\",\"timestamp\":\"" + time
                + "\",\"items\":[" + String.join(",", items) + "],\"subtotal\":" + subtotal.toPlainString()
                + ",\"discount\":" + discount + ",\"total\":" + total
                + ",\"payment_method\":\"credit_card\",\"status\":\"completed\"}";
    }

    private static String view(String pageType, String product) {
        return "{\"timestamp\":\"2024-01-01T10:00:00\",\"page_type\":\"" + pageType + "\",\"product_id\":"
                + (product == null ? "null" : "\"" + product + "\"") + ",\"view_duration\":10}";
    }

    private static String session(String id, String user, String status, int duration, String device,
            String referrer, String cartQuantities, String... views) {
        String cart = cartQuantities.isEmpty() ? "" : cartQuantities.replaceAll("(\"p\\d\"):(\\d)",
                "$1:{\"quantity\":$2,\"price\":1.00}");
        String end = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                java.time.LocalDateTime.parse("2024-01-01T10:00:00").plusSeconds(duration));
        return "{\"session_id\":\"" + id + "\",\"user_id\":\"" + user + "\",\"start_time\":\"2024-01-01T10:00:00\","
                + "\"end_time\":\"" + end + "\",\"duration_seconds\":" + duration + ",\"geo_data\":{\"city\":\"Lyon\","
                + "\"state\":\"ARA\",\"country\":\"FR\",\"ip_address\":\"10.0.0.1\"},\"device_profile\":{\"type\":\""
                + device + "\",\"os\":\"Android\",\"browser\":\"Chrome\"},\"viewed_products\":[],"
                + "\"page_views\":[" + String.join(",", views) + "],\"cart_contents\":{" + cart + "},"
                + "\"conversion_status\":\"" + status + "\",\"referrer\":\"" + referrer + "\"}";
    }
}
