package io.ecomanalytics.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The expected figures: a plain pass over the dataset's JSON files with Jackson, sharing no code with the dashboard
 * or the store modules. Money is summed exactly as the files spell it (BigDecimal) and rounded to cents at the end.
 */
final class JsonFigures {
    final List<JsonNode> transactions = new ArrayList<>();
    final List<JsonNode> sessions = new ArrayList<>();
    final Map<String, JsonNode> products = new TreeMap<>();
    final Map<String, JsonNode> categories = new TreeMap<>();
    final Map<String, JsonNode> users = new TreeMap<>();

    /** Day (yyyy-MM-dd) -> [orders, revenue]. */
    final Map<String, Totals> revenueByDay = new TreeMap<>();
    /** Category id -> quantity, item revenue, orders. */
    final Map<String, Totals> categorySales = new TreeMap<>();
    /** Product id -> quantity, item revenue, orders. */
    final Map<String, Totals> productSales = new TreeMap<>();
    /** Product id -> [product_detail page views, sessions with the product in the cart]. */
    final Map<String, long[]> productActivity = new TreeMap<>();
    /** Product id -> other product id -> transactions holding both. */
    final Map<String, Map<String, Long>> together = new TreeMap<>();
    /** User id -> orders, spend (totals). */
    final Map<String, Totals> customerSpend = new TreeMap<>();

    static final class Totals {
        long orders;
        long quantity;
        BigDecimal revenue = BigDecimal.ZERO;

        String cents() {
            return revenue.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
    }

    static JsonFigures of(Path dataset) {
        ObjectMapper mapper = new ObjectMapper();
        JsonFigures figures = new JsonFigures();
        try {
            for (JsonNode product : mapper.readTree(dataset.resolve("products.json").toFile())) {
                figures.products.put(product.get("product_id").asText(), product);
            }
            for (JsonNode category : mapper.readTree(dataset.resolve("categories.json").toFile())) {
                figures.categories.put(category.get("category_id").asText(), category);
            }
            for (JsonNode user : mapper.readTree(dataset.resolve("users.json").toFile())) {
                figures.users.put(user.get("user_id").asText(), user);
            }
            mapper.readTree(dataset.resolve("transactions.json").toFile()).forEach(figures.transactions::add);
            try (Stream<Path> files = Files.list(dataset)) {
                for (Path file : files.filter(path -> path.getFileName().toString().startsWith("sessions_"))
                        .sorted().toList()) {
                    mapper.readTree(file.toFile()).forEach(figures.sessions::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        figures.tally();
        return figures;
    }

    private void tally() {
        for (JsonNode session : sessions) {
            for (JsonNode view : session.get("page_views")) {
                JsonNode product = view.get("product_id");
                if ("product_detail".equals(view.get("page_type").asText()) && product != null && !product.isNull()) {
                    productActivity.computeIfAbsent(product.asText(), key -> new long[2])[0]++;
                }
            }
            session.get("cart_contents").fieldNames().forEachRemaining(product ->
                    productActivity.computeIfAbsent(product, key -> new long[2])[1]++);
        }
        for (JsonNode transaction : transactions) {
            BigDecimal total = transaction.get("total").decimalValue();
            Totals day = revenueByDay.computeIfAbsent(transaction.get("timestamp").asText().substring(0, 10),
                    key -> new Totals());
            day.orders++;
            day.revenue = day.revenue.add(total);
            Totals customer = customerSpend.computeIfAbsent(transaction.get("user_id").asText(), key -> new Totals());
            customer.orders++;
            customer.revenue = customer.revenue.add(total);
            Set<String> basket = new HashSet<>();
            transaction.get("items").forEach(item -> basket.add(item.get("product_id").asText()));
            for (String product : basket) {
                for (String other : basket) {
                    if (!other.equals(product)) {
                        together.computeIfAbsent(product, key -> new TreeMap<>()).merge(other, 1L, Long::sum);
                    }
                }
            }
            Set<String> categoriesSeen = new HashSet<>();
            Set<String> productsSeen = new HashSet<>();
            for (JsonNode item : transaction.get("items")) {
                String productId = item.get("product_id").asText();
                String categoryId = products.get(productId).get("category_id").asText();
                BigDecimal subtotal = item.get("subtotal").decimalValue();
                long quantity = item.get("quantity").asLong();
                Totals category = categorySales.computeIfAbsent(categoryId, key -> new Totals());
                category.quantity += quantity;
                category.revenue = category.revenue.add(subtotal);
                if (categoriesSeen.add(categoryId)) {
                    category.orders++;
                }
                Totals product = productSales.computeIfAbsent(productId, key -> new Totals());
                product.quantity += quantity;
                product.revenue = product.revenue.add(subtotal);
                if (productsSeen.add(productId)) {
                    product.orders++;
                }
            }
        }
    }

    BigDecimal revenue() {
        return transactions.stream().map(transaction -> transaction.get("total").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The user with the most transactions (ties: the smallest id). */
    String busiestCustomer() {
        return customerSpend.entrySet().stream()
                .max(Map.Entry.<String, Totals>comparingByValue((a, b) -> Long.compare(a.orders, b.orders))
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }

    /** Sessions per user id, in the dataset's order. */
    Map<String, List<JsonNode>> sessionsByUser() {
        Map<String, List<JsonNode>> byUser = new HashMap<>();
        sessions.forEach(session -> byUser.computeIfAbsent(session.get("user_id").asText(), key -> new ArrayList<>())
                .add(session));
        return byUser;
    }
}
