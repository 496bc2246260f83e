package io.ecomanalytics.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record-level rules (enumerations, ranges, arithmetic, chronology) and the references to the small entities.
 * Each check throws the first violation it finds. Amounts agree "to the cent" when they differ by at most half a
 * cent, which accepts the binary floating-point noise of datasets written by other tools (59.970000000000006).
 */
final class RecordRules {

    static final BigDecimal HALF_CENT = new BigDecimal("0.005");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000");
    static final int MAX_DURATION_SECONDS = 86_400;

    private RecordRules() {
    }

    /** Ids of the accepted users, products and categories: what other records may point at. */
    record References(Set<String> users, Set<String> products, Set<String> categories) {
    }

    static void checkUser(User user) throws RecordViolation {
        chronology(user.registrationDate(), user.lastActive(), "last_active", "registration_date");
    }

    static void checkCategory(Category category) throws RecordViolation {
        List<Subcategory> subcategories = category.subcategories();
        for (int i = 0; i < subcategories.size(); i++) {
            double margin = subcategories.get(i).profitMargin();
            if (!(margin >= 0 && margin <= 1)) {
                throw new RecordViolation(Rule.RANGE, "profit_margin",
                        "profit margin " + margin + " is not a fraction between 0 and 1")
                        .within(JsonFields.element("subcategories", i));
            }
        }
    }

    static void checkProduct(Product product, References references) throws RecordViolation {
        amount(product.basePrice(), "base_price");
        if (product.currentStock() < 0) {
            throw new RecordViolation(Rule.RANGE, "current_stock",
                    "stock " + product.currentStock() + " is negative");
        }
        List<PriceHistoryEntry> history = product.priceHistory();
        for (int i = 0; i < history.size(); i++) {
            try {
                amount(history.get(i).price(), "price");
            } catch (RecordViolation violation) {
                throw violation.within(JsonFields.element("price_history", i));
            }
        }
        reference(references.categories(), product.categoryId(), "category_id", "category");
    }

    static void checkTransaction(Transaction transaction, References references) throws RecordViolation {
        enumeration(Vocabulary.PAYMENT_METHODS, transaction.paymentMethod(), "payment_method");
        enumeration(Vocabulary.TRANSACTION_STATUSES, transaction.status(), "status");
        List<TransactionItem> items = transaction.items();
        if (items.isEmpty()) {
            throw new RecordViolation(Rule.RANGE, "items", "a transaction needs at least one item");
        }
        BigDecimal itemSum = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            try {
                checkItem(items.get(i));
            } catch (RecordViolation violation) {
                throw violation.within(JsonFields.element("items", i));
            }
            itemSum = itemSum.add(items.get(i).subtotal());
        }
        amount(transaction.subtotal(), "subtotal");
        amount(transaction.discount(), "discount");
        amount(transaction.total(), "total");
        agree(transaction.subtotal(), itemSum, "subtotal", "the sum of the item subtotals");
        if (transaction.discount().compareTo(transaction.subtotal()) > 0) {
            throw new RecordViolation(Rule.RANGE, "discount", "discount " + transaction.discount().toPlainString()
                    + " exceeds subtotal " + transaction.subtotal().toPlainString());
        }
        agree(transaction.total(), transaction.subtotal().subtract(transaction.discount()), "total",
                "subtotal " + transaction.subtotal().toPlainString() + " - discount "
                        + transaction.discount().toPlainString());
        reference(references.users(), transaction.userId(), "user_id", "user");
        for (int i = 0; i < items.size(); i++) {
            try {
                reference(references.products(), items.get(i).productId(), "product_id", "product");
            } catch (RecordViolation violation) {
                throw violation.within(JsonFields.element("items", i));
            }
        }
    }

    private static void checkItem(TransactionItem item) throws RecordViolation {
        if (item.quantity() <= 0) {
            throw new RecordViolation(Rule.RANGE, "quantity", "quantity " + item.quantity() + " is not positive");
        }
        amount(item.unitPrice(), "unit_price");
        amount(item.subtotal(), "subtotal");
        BigDecimal expected = item.unitPrice().multiply(BigDecimal.valueOf(item.quantity()));
        agree(item.subtotal(), expected, "subtotal",
                "quantity " + item.quantity() + " x unit_price " + item.unitPrice().toPlainString());
    }

    static void checkSession(Session session, References references) throws RecordViolation {
        DeviceProfile device = session.deviceProfile();
        enumeration(Vocabulary.DEVICE_TYPES, device.type(), "device_profile.type");
        enumeration(Vocabulary.OPERATING_SYSTEMS, device.os(), "device_profile.os");
        enumeration(Vocabulary.BROWSERS, device.browser(), "device_profile.browser");
        enumeration(Vocabulary.CONVERSION_STATUSES, session.conversionStatus(), "conversion_status");
        enumeration(Vocabulary.REFERRERS, session.referrer(), "referrer");
        if (session.durationSeconds() < 0 || session.durationSeconds() > MAX_DURATION_SECONDS) {
            throw new RecordViolation(Rule.RANGE, "duration_seconds", "duration " + session.durationSeconds()
                    + " s is outside 0.." + MAX_DURATION_SECONDS);
        }
        chronology(session.startTime(), session.endTime(), "end_time", "start_time");
        List<PageView> pageViews = session.pageViews();
        for (int i = 0; i < pageViews.size(); i++) {
            try {
                checkPageView(pageViews.get(i));
            } catch (RecordViolation violation) {
                throw violation.within(JsonFields.element("page_views", i));
            }
        }
        for (Map.Entry<String, CartItem> entry : session.cartContents().entrySet()) {
            try {
                if (entry.getValue().quantity() <= 0) {
                    throw new RecordViolation(Rule.RANGE, "quantity",
                            "quantity " + entry.getValue().quantity() + " is not positive");
                }
                amount(entry.getValue().price(), "price");
            } catch (RecordViolation violation) {
                throw violation.within("cart_contents." + entry.getKey());
            }
        }
        reference(references.users(), session.userId(), "user_id", "user");
        for (int i = 0; i < pageViews.size(); i++) {
            try {
                checkPageViewReferences(pageViews.get(i), references);
            } catch (RecordViolation violation) {
                throw violation.within(JsonFields.element("page_views", i));
            }
        }
        List<String> viewed = session.viewedProducts();
        for (int i = 0; i < viewed.size(); i++) {
            try {
                reference(references.products(), viewed.get(i), "", "product");
            } catch (RecordViolation violation) {
                throw violation.within(JsonFields.element("viewed_products", i));
            }
        }
        for (String productId : session.cartContents().keySet()) {
            reference(references.products(), productId, "cart_contents." + productId, "product");
        }
    }

    private static void checkPageView(PageView view) throws RecordViolation {
        enumeration(Vocabulary.PAGE_TYPES, view.pageType(), "page_type");
        if (view.viewDuration() < 0 || view.viewDuration() > MAX_DURATION_SECONDS) {
            throw new RecordViolation(Rule.RANGE, "view_duration", "view duration " + view.viewDuration()
                    + " s is outside 0.." + MAX_DURATION_SECONDS);
        }
    }

    private static void checkPageViewReferences(PageView view, References references) throws RecordViolation {
        if (view.productId() != null) {
            reference(references.products(), view.productId(), "product_id", "product");
        }
        if (view.categoryId() != null) {
            reference(references.categories(), view.categoryId(), "category_id", "category");
        }
    }

    private static void enumeration(List<String> allowed, String value, String field) throws RecordViolation {
        if (!allowed.contains(value)) {
            throw new RecordViolation(Rule.ENUMERATION, field,
                    "'" + value + "' is not one of " + String.join(", ", allowed));
        }
    }

    private static void amount(BigDecimal value, String field) throws RecordViolation {
        if (value.signum() < 0) {
            throw new RecordViolation(Rule.RANGE, field, "amount " + value.toPlainString() + " is negative");
        }
        if (value.compareTo(MAX_AMOUNT) >= 0) {
            throw new RecordViolation(Rule.RANGE, field,
                    "amount " + value.stripTrailingZeros() + " is not below 10,000,000,000");
        }
    }

    private static void agree(BigDecimal actual, BigDecimal expected, String field, String what)
            throws RecordViolation {
        if (actual.subtract(expected).abs().compareTo(HALF_CENT) > 0) {
            throw new RecordViolation(Rule.ARITHMETIC, field, field + " " + actual.toPlainString()
                    + " differs from " + what + " = " + expected.toPlainString() + " by more than half a cent");
        }
    }

    private static void chronology(Instant earlier, Instant later, String laterField, String earlierField)
            throws RecordViolation {
        if (later.isBefore(earlier)) {
            throw new RecordViolation(Rule.CHRONOLOGY, laterField, laterField + " " + Datetimes.format(later)
                    + " is before " + earlierField + " " + Datetimes.format(earlier));
        }
    }

    private static void reference(Set<String> known, String id, String field, String entity)
            throws RecordViolation {
        if (!known.contains(id)) {
            throw new RecordViolation(Rule.REFERENCE, field, entity + " '" + id + "' is not among the accepted "
                    + entity + " records (missing from its file, or rejected there)");
        }
    }
}
