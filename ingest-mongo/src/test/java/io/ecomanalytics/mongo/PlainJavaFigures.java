package io.ecomanalytics.mongo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The expected figures of a dataset, computed in one plain-Java pass over its JSON files with Jackson's tree model
 * (exact decimals): independent of the data module's reader and of everything under test.
 */
final class PlainJavaFigures {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    final int users;
    final int products;
    final int categories;
    final int transactions;
    final int items;
    final BigDecimal totalRevenue;
    final List<ProductSales> productSales = new ArrayList<>();
    final List<CategorySales> categoryRevenue = new ArrayList<>();
    final List<UserPurchases> userPurchases = new ArrayList<>();
    final List<DailySales> dailyRevenue = new ArrayList<>();
    final List<MixShare> paymentMethodMix;
    final List<MixShare> statusMix;
    final Set<String> transactionIds = new HashSet<>();
    /** Product id to category id, in file order. */
    final Map<String, String> categoryOfProduct = new LinkedHashMap<>();

    private PlainJavaFigures(Path folder) throws IOException {
        JsonNode userNodes = read(folder, "users");
        JsonNode productNodes = read(folder, "products");
        JsonNode categoryNodes = read(folder, "categories");
        JsonNode transactionNodes = read(folder, "transactions");
        users = userNodes.size();
        products = productNodes.size();
        categories = categoryNodes.size();
        transactions = transactionNodes.size();

        productNodes.forEach(p -> categoryOfProduct.put(p.get("product_id").asText(), p.get("category_id").asText()));
        Map<String, String> categoryNames = new HashMap<>();
        categoryNodes.forEach(c -> categoryNames.put(c.get("category_id").asText(), c.get("name").asText()));

        Map<String, Sales> byProduct = new TreeMap<>();
        Map<String, Sales> byCategory = new TreeMap<>();
        Map<String, Purchases> byUser = new TreeMap<>();
        Map<LocalDate, Purchases> byDay = new TreeMap<>();
        Map<String, Purchases> byMethod = new HashMap<>();
        Map<String, Purchases> byStatus = new HashMap<>();
        BigDecimal revenue = BigDecimal.ZERO;
        int itemCount = 0;
        for (JsonNode transaction : transactionNodes) {
            String id = transaction.get("transaction_id").asText();
            transactionIds.add(id);
            Instant timestamp = LocalDateTime.parse(transaction.get("timestamp").asText()).toInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MILLIS);
            BigDecimal total = transaction.get("total").decimalValue();
            revenue = revenue.add(total);
            for (JsonNode item : transaction.get("items")) {
                itemCount++;
                String productId = item.get("product_id").asText();
                long quantity = item.get("quantity").asLong();
                BigDecimal subtotal = item.get("subtotal").decimalValue();
                byProduct.computeIfAbsent(productId, key -> new Sales()).add(id, quantity, subtotal);
                byCategory.computeIfAbsent(categoryOfProduct.get(productId), key -> new Sales())
                        .add(id, quantity, subtotal);
            }
            byUser.computeIfAbsent(transaction.get("user_id").asText(), key -> new Purchases()).add(total, timestamp);
            byDay.computeIfAbsent(timestamp.atOffset(ZoneOffset.UTC).toLocalDate(), key -> new Purchases())
                    .add(total, timestamp);
            byMethod.computeIfAbsent(transaction.get("payment_method").asText(), key -> new Purchases())
                    .add(total, timestamp);
            byStatus.computeIfAbsent(transaction.get("status").asText(), key -> new Purchases())
                    .add(total, timestamp);
        }
        items = itemCount;
        totalRevenue = revenue;
        byProduct.forEach((id, sales) -> productSales.add(new ProductSales(id, sales.quantity, cents(sales.revenue),
                sales.orders.size())));
        byCategory.forEach((id, sales) -> categoryRevenue.add(new CategorySales(id, categoryNames.get(id),
                sales.quantity, cents(sales.revenue), sales.orders.size())));
        byUser.forEach((id, purchases) -> userPurchases.add(new UserPurchases(id, purchases.orders,
                cents(purchases.spend), purchases.first, purchases.last)));
        byDay.forEach((day, purchases) -> dailyRevenue.add(new DailySales(day, purchases.orders,
                cents(purchases.spend))));
        paymentMethodMix = mix(byMethod);
        statusMix = mix(byStatus);
    }

    static PlainJavaFigures of(Path folder) {
        try {
            return new PlainJavaFigures(folder);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read test dataset " + folder, e);
        }
    }

    List<ProductSales> topProducts(Comparator<ProductSales> order, int limit) {
        return productSales.stream().sorted(order.thenComparing(ProductSales::productId)).limit(limit).toList();
    }

    static <T, K extends Comparable<K>> Comparator<T> descending(Function<T, K> key) {
        return Comparator.comparing(key).reversed();
    }

    private List<MixShare> mix(Map<String, Purchases> groups) {
        List<MixShare> shares = new ArrayList<>();
        groups.forEach((value, purchases) -> shares.add(new MixShare(value, purchases.orders, cents(purchases.spend),
                (double) purchases.orders / transactions)));
        shares.sort(Comparator.comparingLong(MixShare::transactions).reversed().thenComparing(MixShare::value));
        return shares;
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static JsonNode read(Path folder, String entity) throws IOException {
        return JSON.readTree(folder.resolve(entity + ".json").toFile());
    }

    private static final class Sales {
        long quantity;
        BigDecimal revenue = BigDecimal.ZERO;
        final Set<String> orders = new HashSet<>();

        void add(String transactionId, long itemQuantity, BigDecimal subtotal) {
            quantity += itemQuantity;
            revenue = revenue.add(subtotal);
            orders.add(transactionId);
        }
    }

    private static final class Purchases {
        long orders;
        BigDecimal spend = BigDecimal.ZERO;
        Instant first;
        Instant last;

        void add(BigDecimal total, Instant timestamp) {
            orders++;
            spend = spend.add(total);
            first = first == null || timestamp.isBefore(first) ? timestamp : first;
            last = last == null || timestamp.isAfter(last) ? timestamp : last;
        }
    }
}
