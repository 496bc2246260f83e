package io.ecomanalytics.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made records with every field set, nulls where the dataset allows them, for round-trip tests. */
public final class SampleRecords {

    private SampleRecords() {
    }

    public static User user() {
        return new User("user_000001", new GeoData("Lyon", "Auvergne-Rhone-Alpes", "FR"),
                Instant.parse("2024-01-15T10:30:00Z"), Instant.parse("2024-12-30T23:59:59.123456Z"));
    }

    public static Product product() {
        return new Product("prod_00001", "Quiet \"Pro\" Kettle", "cat_001", new BigDecimal("49.90"), 12, true,
                List.of(new PriceHistoryEntry(new BigDecimal("59.00"), Instant.parse("2024-01-01T00:00:00Z")),
                        new PriceHistoryEntry(new BigDecimal("49.90"), Instant.parse("2024-06-01T08:00:00.5Z"))),
                Instant.parse("2023-12-31T12:00:00Z"));
    }

    public static Category category() {
        return new Category("cat_001", "Kitchen", List.of(new Subcategory("sub_001_01", "Kettles", 0.25),
                new Subcategory("sub_001_02", "Pans \u00e9t\u00e9", 0.1)));
    }

    public static Transaction transaction() {
        return new Transaction("txn_0123456789ab", "sess_0123456789", "user_000001",
                Instant.parse("2024-12-01T10:00:00Z"),
                List.of(new TransactionItem("prod_00001", 2, new BigDecimal("49.90"), new BigDecimal("99.80")),
                        new TransactionItem("prod_00002", 1, new BigDecimal("0.20"), new BigDecimal("0.20"))),
                new BigDecimal("100.00"), new BigDecimal("10.00"), new BigDecimal("90.00"), "paypal", "completed");
    }

    public static Transaction standaloneTransaction() {
        return new Transaction("txn_00000000000f", null, "user_000002", Instant.parse("2024-12-02T10:00:00Z"),
                List.of(new TransactionItem("prod_00003", 3, new BigDecimal("10"), new BigDecimal("30"))),
                new BigDecimal("30"), new BigDecimal("0"), new BigDecimal("30"), "credit_card", "refunded");
    }

    public static Session session() {
        Map<String, CartItem> cart = new LinkedHashMap<>();
        cart.put("prod_00002", new CartItem(1, new BigDecimal("0.20")));
        cart.put("prod_00001", new CartItem(2, new BigDecimal("49.90")));
        return new Session("sess_0123456789", "user_000001", Instant.parse("2024-12-01T09:50:00Z"),
                Instant.parse("2024-12-01T10:00:00Z"), 600,
                new SessionGeo("Lyon", "Auvergne-Rhone-Alpes", "FR", "192.168.10.4"),
                new DeviceProfile("mobile", "Android", "Chrome"), List.of("prod_00001", "prod_00002"),
                List.of(new PageView(Instant.parse("2024-12-01T09:50:00Z"), "home", null, null, 100),
                        new PageView(Instant.parse("2024-12-01T09:51:40Z"), "product_detail", "prod_00001",
                                "cat_001", 500)),
                cart, "converted", "search_engine");
    }
}
