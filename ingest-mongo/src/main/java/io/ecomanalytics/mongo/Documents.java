package io.ecomanalytics.mongo;

import io.ecomanalytics.data.Category;
import io.ecomanalytics.data.PriceHistoryEntry;
import io.ecomanalytics.data.Product;
import io.ecomanalytics.data.Subcategory;
import io.ecomanalytics.data.Transaction;
import io.ecomanalytics.data.TransactionItem;
import io.ecomanalytics.data.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Maps the data module's records to the stored documents: {@code _id} is the natural id and the natural-id field is
 * kept, field names are the dataset's, datetimes are BSON dates (millisecond precision), nested parts are
 * sub-documents, and money is a BSON double (what the Spark connector and the aggregation operators of every
 * server read; sums are rounded back to cents where they are reported).
 */
final class Documents {

    private Documents() {
    }

    static Document user(User user) {
        return new Document("_id", user.userId())
                .append("user_id", user.userId())
                .append("geo_data", new Document("city", user.geoData().city())
                        .append("state", user.geoData().state())
                        .append("country", user.geoData().country()))
                .append("registration_date", date(user.registrationDate()))
                .append("last_active", date(user.lastActive()));
    }

    static Document product(Product product) {
        List<Document> history = new ArrayList<>(product.priceHistory().size());
        for (PriceHistoryEntry entry : product.priceHistory()) {
            history.add(new Document("price", money(entry.price())).append("date", date(entry.date())));
        }
        return new Document("_id", product.productId())
                .append("product_id", product.productId())
                .append("name", product.name())
                .append("category_id", product.categoryId())
                .append("base_price", money(product.basePrice()))
                .append("current_stock", product.currentStock())
                .append("is_active", product.active())
                .append("price_history", history)
                .append("creation_date", date(product.creationDate()));
    }

    static Document category(Category category) {
        List<Document> subcategories = new ArrayList<>(category.subcategories().size());
        for (Subcategory subcategory : category.subcategories()) {
            subcategories.add(new Document("subcategory_id", subcategory.subcategoryId())
                    .append("name", subcategory.name())
                    .append("profit_margin", subcategory.profitMargin()));
        }
        return new Document("_id", category.categoryId())
                .append("category_id", category.categoryId())
                .append("name", category.name())
                .append("subcategories", subcategories);
    }

    static Document transaction(Transaction transaction) {
        List<Document> items = new ArrayList<>(transaction.items().size());
        for (TransactionItem item : transaction.items()) {
            items.add(new Document("product_id", item.productId())
                    .append("quantity", item.quantity())
                    .append("unit_price", money(item.unitPrice()))
                    .append("subtotal", money(item.subtotal())));
        }
        return new Document("_id", transaction.transactionId())
                .append("transaction_id", transaction.transactionId())
                .append("session_id", transaction.sessionId())
                .append("user_id", transaction.userId())
                .append("timestamp", date(transaction.timestamp()))
                .append("items", items)
                .append("subtotal", money(transaction.subtotal()))
                .append("discount", money(transaction.discount()))
                .append("total", money(transaction.total()))
                .append("payment_method", transaction.paymentMethod())
                .append("status", transaction.status());
    }

    private static Date date(Instant instant) {
        return new Date(instant.toEpochMilli());
    }

    private static double money(BigDecimal amount) {
        return amount.doubleValue();
    }
}
