package io.ecomanalytics.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Expected figures computed by a plain Jackson pass over a dataset's JSON files, independent of the pipeline. */
final class JsonReference {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReference() {
    }

    /** Payment method -> number of transactions paid with it. */
    static Map<String, Long> ordersByPaymentMethod(Path dataset) throws IOException {
        Map<String, Long> orders = new TreeMap<>();
        for (JsonNode transaction : JSON.readTree(dataset.resolve("transactions.json").toFile())) {
            orders.merge(transaction.get("payment_method").asText(), 1L, Long::sum);
        }
        return orders;
    }

    /** The number of records in one of a dataset's JSON files (each holds one array). */
    static int records(Path file) throws IOException {
        return JSON.readTree(file.toFile()).size();
    }

    /** What the dataset's transactions add up to: revenue (totals after discount, exact), orders, customers. */
    record TransactionTotals(BigDecimal revenue, long orders, long customers) {
    }

    static TransactionTotals transactionTotals(Path dataset) throws IOException {
        BigDecimal revenue = BigDecimal.ZERO;
        long orders = 0;
        Set<String> customers = new HashSet<>();
        for (JsonNode transaction : JSON.readTree(dataset.resolve("transactions.json").toFile())) {
            revenue = revenue.add(new BigDecimal(transaction.get("total").asText()));
            orders++;
            customers.add(transaction.get("user_id").asText());
        }
        return new TransactionTotals(revenue, orders, customers.size());
    }

    /** The ids of one user's transactions, in file order. */
    static List<String> transactionIdsOf(Path dataset, String userId) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode transaction : JSON.readTree(dataset.resolve("transactions.json").toFile())) {
            if (transaction.get("user_id").asText().equals(userId)) {
                ids.add(transaction.get("transaction_id").asText());
            }
        }
        return ids;
    }

    /** Category id -> sum of the item subtotals of its products, exact. */
    static Map<String, BigDecimal> revenueByCategory(Path dataset) throws IOException {
        Map<String, String> categoryOfProduct = new HashMap<>();
        for (JsonNode product : JSON.readTree(dataset.resolve("products.json").toFile())) {
            categoryOfProduct.put(product.get("product_id").asText(), product.get("category_id").asText());
        }
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (JsonNode transaction : JSON.readTree(dataset.resolve("transactions.json").toFile())) {
            for (JsonNode item : transaction.get("items")) {
                revenue.merge(categoryOfProduct.get(item.get("product_id").asText()),
                        new BigDecimal(item.get("subtotal").asText()), BigDecimal::add);
            }
        }
        return revenue;
    }
}
