package io.ecomanalytics.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The business aggregations, run by the server and returned as records. Every one has an equivalent in
 * spark-transforms; revenue counts every transaction whatever its status, like there.
 *
 * <p>The pipelines use only stages and operators that real MongoDB supports and the embedded server implements
 * (no {@code $set}, {@code $round}, {@code $switch}, {@code $dateTrunc}); items are unwound before {@code $lookup},
 * because a lookup on an array field matches nothing on the embedded server. Money is summed as doubles by the
 * server and rounded half up to cents here.
 */
public final class MongoAggregations {

    private final MongoCollection<Document> transactions;
    private final MongoCollection<Document> categories;

    MongoAggregations(MongoDatabase database) {
        this.transactions = database.getCollection(MongoCollectionName.TRANSACTIONS.collectionName());
        this.categories = database.getCollection(MongoCollectionName.CATEGORIES.collectionName());
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

    /** Revenue, quantity and orders per category (items joined to their product), by category id. */
    public List<CategorySales> revenueByCategory() {
        Map<String, String> names = new HashMap<>();
        for (Document category : categories.find().projection(new Document("name", 1))) {
            names.put(category.getString("_id"), category.getString("name"));
        }
        List<Document> pipeline = List.of(
                new Document("$unwind", "$items"),
                new Document("$project", new Document("product_id", "$items.product_id")
                        .append("quantity", "$items.quantity")
                        .append("subtotal", "$items.subtotal")),
                new Document("$lookup", new Document("from", MongoCollectionName.PRODUCTS.collectionName())
                        .append("localField", "product_id")
                        .append("foreignField", "_id")
                        .append("as", "product")),
                new Document("$unwind", "$product"),
                new Document("$group", new Document("_id", new Document("category", "$product.category_id")
                        .append("transaction", "$_id"))
                        .append("quantity", sum("$quantity"))
                        .append("revenue", sum("$subtotal"))),
                new Document("$group", new Document("_id", "$_id.category")
                        .append("quantity", sum("$quantity"))
                        .append("revenue", sum("$revenue"))
                        .append("orders", sum(1))),
                new Document("$sort", new Document("_id", 1)));
        List<CategorySales> result = new ArrayList<>();
        for (Document row : transactions.aggregate(pipeline).allowDiskUse(true)) {
            String categoryId = row.getString("_id");
            result.add(new CategorySales(categoryId, names.get(categoryId), count(row, "quantity"),
                    cents(row, "revenue"), count(row, "orders")));
        }
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
        for (Document row : transactions.aggregate(pipeline).allowDiskUse(true)) {
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
        for (Document row : transactions.aggregate(pipeline)) {
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
        for (Document row : transactions.aggregate(pipeline).allowDiskUse(true)) {
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
        List<Document> rows = transactions.aggregate(pipeline).into(new ArrayList<>());
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

    private static BigDecimal cents(Document row, String field) {
        return BigDecimal.valueOf(((Number) row.get(field)).doubleValue()).setScale(2, RoundingMode.HALF_UP);
    }
}
