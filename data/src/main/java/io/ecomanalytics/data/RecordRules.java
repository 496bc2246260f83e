package io.ecomanalytics.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record-level rules (enumerations, ranges, arithmetic, chronology) and the references to the small entities,
 * with every vocabulary and bound taken from the {@link RuleTable}; the codecs enforce its types and presence while
 * mapping. Each check throws the first violation it finds. Amounts agree "to the cent" when they differ by at most half a
 * cent, which accepts the binary floating-point noise of datasets written by other tools (59.970000000000006).
 */
final class RecordRules {

    static final BigDecimal HALF_CENT = new BigDecimal("0.005");

    private static final EntityRules CATEGORIES = RuleTable.of(EntityType.CATEGORIES);
    private static final EntityRules PRODUCTS = RuleTable.of(EntityType.PRODUCTS);
    private static final EntityRules TRANSACTIONS = RuleTable.of(EntityType.TRANSACTIONS);
    private static final EntityRules SESSIONS = RuleTable.of(EntityType.SESSIONS);

    private RecordRules() {
    }

    /** Ids of the accepted users, products and categories: what other records may point at. */
    record References(Set<String> users, Set<String> products, Set<String> categories) {
    }

    /**
     * Runs the rules of one record of any entity (everything but duplicates), throwing the first violation.
     *
     * @throws IllegalArgumentException for an object that is no dataset record
     */
    static void check(Object record, References references) throws RecordViolation {
        if (record instanceof Transaction transaction) {
            checkTransaction(transaction, references);
        } else if (record instanceof Session session) {
            checkSession(session, references);
        } else if (record instanceof Product product) {
            checkProduct(product, references);
        } else if (record instanceof User user) {
            checkUser(user);
        } else if (record instanceof Category category) {
            checkCategory(category);
        } else {
            throw new IllegalArgumentException("No rules for " + record.getClass().getSimpleName());
        }
    }

    static void checkUser(User user) throws RecordViolation {
        chronology(user.registrationDate(), user.lastActive(), "last_active", "registration_date");
    }

    static void checkCategory(Category category) throws RecordViolation {
        List<Subcategory> subcategories = category.subcategories();
        for (int i = 0; i < subcategories.size(); i++) {
            try {
                bounded(CATEGORIES.field("subcategories[].profit_margin"),
                        BigDecimal.valueOf(subcategories.get(i).profitMargin()), "profit_margin");
            } catch (RecordViolation violation) {
                throw violation.within(JsonFields.element("subcategories", i));
            }
        }
    }

    static void checkProduct(Product product, References references) throws RecordViolation {
        bounded(PRODUCTS.field("base_price"), product.basePrice(), "base_price");
        bounded(PRODUCTS.field("current_stock"), BigDecimal.valueOf(product.currentStock()), "current_stock");
        List<PriceHistoryEntry> history = product.priceHistory();
        for (int i = 0; i < history.size(); i++) {
            try {
                bounded(PRODUCTS.field("price_history[].price"), history.get(i).price(), "price");
            } catch (RecordViolation violation) {
                throw violation.within(JsonFields.element("price_history", i));
            }
        }
        reference(references.categories(), product.categoryId(), "category_id", "category");
    }

    static void checkTransaction(Transaction transaction, References references) throws RecordViolation {
        enumeration(TRANSACTIONS.field("payment_method"), transaction.paymentMethod(), "payment_method");
        enumeration(TRANSACTIONS.field("status"), transaction.status(), "status");
        List<TransactionItem> items = transaction.items();
        Bounds itemCount = TRANSACTIONS.field("items").bounds();
        if (!itemCount.contains(BigDecimal.valueOf(items.size()))) {
            throw new RecordViolation(Rule.RANGE, "items",
                    "a transaction has " + items.size() + " items; the number must be " + itemCount.describe());
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
        bounded(TRANSACTIONS.field("subtotal"), transaction.subtotal(), "subtotal");
        bounded(TRANSACTIONS.field("discount"), transaction.discount(), "discount");
        bounded(TRANSACTIONS.field("total"), transaction.total(), "total");
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
        bounded(TRANSACTIONS.field("items[].quantity"), BigDecimal.valueOf(item.quantity()), "quantity");
        bounded(TRANSACTIONS.field("items[].unit_price"), item.unitPrice(), "unit_price");
        bounded(TRANSACTIONS.field("items[].subtotal"), item.subtotal(), "subtotal");
        BigDecimal expected = item.unitPrice().multiply(BigDecimal.valueOf(item.quantity()));
        agree(item.subtotal(), expected, "subtotal",
                "quantity " + item.quantity() + " x unit_price " + item.unitPrice().toPlainString());
    }

    static void checkSession(Session session, References references) throws RecordViolation {
        DeviceProfile device = session.deviceProfile();
        enumeration(SESSIONS.field("device_profile.type"), device.type(), "device_profile.type");
        enumeration(SESSIONS.field("device_profile.os"), device.os(), "device_profile.os");
        enumeration(SESSIONS.field("device_profile.browser"), device.browser(), "device_profile.browser");
        enumeration(SESSIONS.field("conversion_status"), session.conversionStatus(), "conversion_status");
        enumeration(SESSIONS.field("referrer"), session.referrer(), "referrer");
        bounded(SESSIONS.field("duration_seconds"), BigDecimal.valueOf(session.durationSeconds()),
                "duration_seconds");
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
                bounded(SESSIONS.field("cart_contents{}.quantity"), BigDecimal.valueOf(entry.getValue().quantity()),
                        "quantity");
                bounded(SESSIONS.field("cart_contents{}.price"), entry.getValue().price(), "price");
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
        enumeration(SESSIONS.field("page_views[].page_type"), view.pageType(), "page_type");
        bounded(SESSIONS.field("page_views[].view_duration"), BigDecimal.valueOf(view.viewDuration()),
                "view_duration");
    }

    private static void checkPageViewReferences(PageView view, References references) throws RecordViolation {
        if (view.productId() != null) {
            reference(references.products(), view.productId(), "product_id", "product");
        }
        if (view.categoryId() != null) {
            reference(references.categories(), view.categoryId(), "category_id", "category");
        }
    }

    private static void enumeration(FieldRule rule, String value, String field) throws RecordViolation {
        if (!rule.vocabulary().contains(value)) {
            throw new RecordViolation(Rule.ENUMERATION, field,
                    "'" + value + "' is not one of " + String.join(", ", rule.vocabulary()));
        }
    }

    private static void bounded(FieldRule rule, BigDecimal value, String field) throws RecordViolation {
        if (!rule.bounds().contains(value)) {
            String shown = value.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0
                    ? value.stripTrailingZeros().toString() : value.toPlainString();
            throw new RecordViolation(Rule.RANGE, field,
                    rule.name() + " " + shown + " is not " + rule.bounds().describe());
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
