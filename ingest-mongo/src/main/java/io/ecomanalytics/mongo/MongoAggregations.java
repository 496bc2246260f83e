package io.ecomanalytics.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The business aggregations, run by the server and returned as records. Every one has an equivalent in
 * spark-transforms; revenue counts every transaction whatever its status, like there.
 *
 * <p>The pipelines use only stages and operators that real MongoDB supports and the embedded server implements
 * (no {@code $set}, {@code $round}, {@code $switch}, {@code $dateTrunc}). Money is summed as doubles by the server and
 * rounded half up to cents here. Revenue by category is the exception: it needs each item's product, and the embedded
 * server runs a {@code $lookup} as one query per item, so it is one pass over the projected items here.
 */
public final class MongoAggregations {

    private final MongoCollection<Document> transactions;
    private final MongoCollection<Document> categories;
    private final MongoCollection<Document> products;

    MongoAggregations(MongoDatabase database) {
        this.transactions = database.getCollection(MongoCollectionName.TRANSACTIONS.collectionName());
        this.categories = database.getCollection(MongoCollectionName.CATEGORIES.collectionName());
        this.products = database.getCollection(MongoCollectionName.PRODUCTS.collectionName());
    }

    /** The {@code limit} products sold in the largest quantity, ties by product id. */
    public List<ProductSales> topProductsByQuantity(int limit) {
        return topProducts("quantity", limit);
    }

    /** The {@code limit} products with the largest revenue (item subtotals), ties by product id. */
    public List<ProductSales> topProductsByRevenue(int limit) {
        return topProducts("revenue", limit);
    }

    /** Quantity, revenue and orders of every product that was sold, by product id. */
    public List<ProductSales> productSales() {
        return productSales(List.of(new Document("$sort", new Document("_id", 1))));
    }

    /**
     * Revenue, quantity and orders per category (items joined to their product), by category id; an item whose
     * product is unknown counts nowhere, as an inner join.
     *
     * <p>One pass over the items here rather than a {@code $lookup} on the server: the embedded server runs the lookup
     * as a query per item (500,000 transactions took more than ten minutes), and a real MongoDB sends the projected
     * items just as fast. The money is summed exactly and rounded half up to cents.
     */
    public List<CategorySales> revenueByCategory() {
        Map<String, String> names = new HashMap<>();
        for (Document category : categories.find().projection(Projections.include("name"))
                .batchSize(MongoStore.SCAN_BATCH_SIZE)) {
            names.put(category.getString("_id"), category.getString("name"));
        }
        Map<String, String> categoryOfProduct = new HashMap<>();
        for (Document product : products.find().projection(Projections.include("category_id"))
                .batchSize(MongoStore.SCAN_BATCH_SIZE)) {
            categoryOfProduct.put(product.getString("_id"), product.getString("category_id"));
        }
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> revenues = new HashMap<>();
        Set<String> categoriesOfOrder = new HashSet<>();
        for (Document transaction : transactions.find().projection(Projections.include("items.product_id",
                "items.quantity", "items.subtotal")).batchSize(MongoStore.SCAN_BATCH_SIZE)) {
            categoriesOfOrder.clear();
            for (Document item : transaction.getList("items", Document.class)) {
                String category = categoryOfProduct.get(item.getString("product_id"));
                if (category == null) {
                    continue;
                }
                long[] quantityAndOrders = counts.computeIfAbsent(category, key -> new long[2]);
                quantityAndOrders[0] += ((Number) item.get("quantity")).longValue();
                if (categoriesOfOrder.add(category)) {
                    quantityAndOrders[1]++;
                }
                revenues.merge(category, exact(item.get("subtotal")), BigDecimal::add);
            }
        }
        List<CategorySales> result = new ArrayList<>();
        counts.forEach((category, quantityAndOrders) -> result.add(new CategorySales(category, names.get(category),
                quantityAndOrders[0], revenues.get(category).setScale(2, RoundingMode.HALF_UP),
                quantityAndOrders[1])));
        return result;
    }

    /** Orders, spend and first/last purchase of every user with a transaction, by user id. */
    public List<UserPurchases> purchasesByUser() {
        List<Document> pipeline = List.of(
                new Document("$group", new Document("_id", "$user_id")
                        .append("orders", sum(1))
                        .append("spend", sum("$total"))
                        .append("first", new Document("$min", "$timestamp"))
                        .append("last", new Document("$max", "$timestamp"))),
                new Document("$sort", new Document("_id", 1)));
        List<UserPurchases> result = new ArrayList<>();
        for (Document row : transactions.aggregate(pipeline).allowDiskUse(true).batchSize(MongoStore.SCAN_BATCH_SIZE)) {
            result.add(new UserPurchases(row.getString("_id"), count(row, "orders"), cents(row, "spend"),
                    row.getDate("first").toInstant(), row.getDate("last").toInstant()));
        }
        return result;
    }

    /** Orders and revenue (totals after discount) per UTC day, in date order. */
    public List<DailySales> revenuePerDay() {
        List<Document> pipeline = List.of(
                new Document("$group", new Document("_id", new Document("$dateToString",
                        new Document("format", "%Y-%m-%d").append("date", "$timestamp")))
                        .append("orders", sum(1))
                        .append("revenue", sum("$total"))),
                new Document("$sort", new Document("_id", 1)));
        List<DailySales> result = new ArrayList<>();
        for (Document row : transactions.aggregate(pipeline).batchSize(MongoStore.SCAN_BATCH_SIZE)) {
            result.add(new DailySales(LocalDate.parse(row.getString("_id")), count(row, "orders"),
                    cents(row, "revenue")));
        }
        return result;
    }

    /** Transactions and revenue per {@code payment_method}, most frequent first. */
    public List<MixShare> paymentMethodMix() {
        return mix("payment_method");
    }

    /** Transactions and revenue per {@code status}, most frequent first. */
    public List<MixShare> statusMix() {
        return mix("status");
    }

    private List<ProductSales> topProducts(String sortField, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The number of top products must be at least 1, not " + limit);
        }
        return productSales(List.of(new Document("$sort", new Document(sortField, -1).append("_id", 1)),
                new Document("$limit", limit)));
    }

    private List<ProductSales> productSales(List<Document> orderStages) {
        List<Document> pipeline = new ArrayList<>(List.of(
                new Document("$unwind", "$items"),
                new Document("$group", new Document("_id", new Document("product", "$items.product_id")
                        .append("transaction", "$_id"))
                        .append("quantity", sum("$items.quantity"))
                        .append("revenue", sum("$items.subtotal"))),
                new Document("$group", new Document("_id", "$_id.product")
                        .append("quantity", sum("$quantity"))
                        .append("revenue", sum("$revenue"))
                        .append("orders", sum(1)))));
        pipeline.addAll(orderStages);
        List<ProductSales> result = new ArrayList<>();
        for (Document row : transactions.aggregate(pipeline).allowDiskUse(true).batchSize(MongoStore.SCAN_BATCH_SIZE)) {
            result.add(new ProductSales(row.getString("_id"), count(row, "quantity"), cents(row, "revenue"),
                    count(row, "orders")));
        }
        return result;
    }

    private List<MixShare> mix(String field) {
        List<Document> pipeline = List.of(
                new Document("$group", new Document("_id", "$" + field)
                        .append("transactions", sum(1))
                        .append("revenue", sum("$total"))),
                new Document("$sort", new Document("transactions", -1).append("_id", 1)));
        List<Document> rows = transactions.aggregate(pipeline).batchSize(MongoStore.SCAN_BATCH_SIZE)
                .into(new ArrayList<>());
        long all = rows.stream().mapToLong(row -> count(row, "transactions")).sum();
        List<MixShare> result = new ArrayList<>();
        for (Document row : rows) {
            long count = count(row, "transactions");
            result.add(new MixShare(row.getString("_id"), count, cents(row, "revenue"), (double) count / all));
        }
        return result;
    }

    private static Document sum(Object expression) {
        return new Document("$sum", expression);
    }

    private static long count(Document row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    private static BigDecimal exact(Object amount) {
        if (amount instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        return amount instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(((Number) amount).doubleValue());
    }

    private static BigDecimal cents(Document row, String field) {
        return BigDecimal.valueOf(((Number) row.get(field)).doubleValue()).setScale(2, RoundingMode.HALF_UP);
    }
}
