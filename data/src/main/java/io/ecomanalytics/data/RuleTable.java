package io.ecomanalytics.data;

import static io.ecomanalytics.data.Presence.OPTIONAL;
import static io.ecomanalytics.data.Presence.REQUIRED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one definition of a valid record (DESIGN section 5a): for each entity, every field with its JSON type, whether
 * it is required, its vocabulary and its bounds; the checks across fields; the references to other entities; and the
 * id that must not repeat.
 *
 * <p>Every validation is derived from it: the Java validation of this module ({@link ValidatingDataset}), the Spark
 * cleaning's predicates ({@code spark-transforms}) and MongoDB's {@code $jsonSchema} validators
 * ({@code ingest-mongo}). A test feeds one corpus of bad records to all three and expects the same verdict and rule.
 * Values are validated as the dataset spells them and never rewritten.
 *
 * <pre>{@code
 * EntityRules rules = RuleTable.of(EntityType.SESSIONS);
 * rules.field("device_profile.os").vocabulary();   // [iOS, Android, Windows, macOS]
 * }</pre>
 */
public final class RuleTable {

    private static final Map<EntityType<?>, EntityRules> TABLE = Map.of(
            EntityType.USERS, users(),
            EntityType.PRODUCTS, products(),
            EntityType.CATEGORIES, categories(),
            EntityType.TRANSACTIONS, transactions(),
            EntityType.SESSIONS, sessions());

    private RuleTable() {
    }

    /** The rules of one entity. */
    public static EntityRules of(EntityType<?> entity) {
        return TABLE.get(entity);
    }

    /** The rules of every entity, in the order they are validated (referenced entities first). */
    public static List<EntityRules> all() {
        return List.of(of(EntityType.CATEGORIES), of(EntityType.PRODUCTS), of(EntityType.USERS),
                of(EntityType.TRANSACTIONS), of(EntityType.SESSIONS));
    }

    private static EntityRules users() {
        Fields fields = new Fields()
                .text("user_id", REQUIRED)
                .add("geo_data", ValueType.OBJECT, REQUIRED)
                .text("geo_data.city", REQUIRED)
                .text("geo_data.state", REQUIRED)
                .text("geo_data.country", REQUIRED)
                .add("registration_date", ValueType.DATETIME, REQUIRED)
                .add("last_active", ValueType.DATETIME, REQUIRED);
        return new EntityRules(EntityType.USERS, "user_id", fields.list,
                List.of(RecordCheck.USER_ACTIVE_AFTER_REGISTRATION), List.of());
    }

    private static EntityRules categories() {
        Fields fields = new Fields()
                .text("category_id", REQUIRED)
                .text("name", REQUIRED)
                .add("subcategories", ValueType.ARRAY, REQUIRED)
                .add("subcategories[]", ValueType.OBJECT, REQUIRED)
                .text("subcategories[].subcategory_id", REQUIRED)
                .text("subcategories[].name", REQUIRED)
                .bounded("subcategories[].profit_margin", ValueType.NUMBER, Bounds.between(0, 1));
        return new EntityRules(EntityType.CATEGORIES, "category_id", fields.list, List.of(), List.of());
    }

    private static EntityRules products() {
        Fields fields = new Fields()
                .text("product_id", REQUIRED)
                .text("name", REQUIRED)
                .text("category_id", REQUIRED)
                .bounded("base_price", ValueType.AMOUNT, Bounds.AMOUNT)
                .bounded("current_stock", ValueType.INTEGER, Bounds.atLeast(0))
                .add("is_active", ValueType.BOOLEAN, REQUIRED)
                .add("price_history", ValueType.ARRAY, REQUIRED)
                .add("price_history[]", ValueType.OBJECT, REQUIRED)
                .bounded("price_history[].price", ValueType.AMOUNT, Bounds.AMOUNT)
                .add("price_history[].date", ValueType.DATETIME, REQUIRED)
                .add("creation_date", ValueType.DATETIME, REQUIRED);
        return new EntityRules(EntityType.PRODUCTS, "product_id", fields.list, List.of(),
                List.of(new Reference("category_id", EntityType.CATEGORIES)));
    }

    private static EntityRules transactions() {
        Fields fields = new Fields()
                .text("transaction_id", REQUIRED)
                .text("session_id", OPTIONAL)
                .text("user_id", REQUIRED)
                .add("timestamp", ValueType.DATETIME, REQUIRED)
                .bounded("items", ValueType.ARRAY, Bounds.atLeast(1))
                .add("items[]", ValueType.OBJECT, REQUIRED)
                .text("items[].product_id", REQUIRED)
                .bounded("items[].quantity", ValueType.INTEGER, Bounds.atLeast(1))
                .bounded("items[].unit_price", ValueType.AMOUNT, Bounds.AMOUNT)
                .bounded("items[].subtotal", ValueType.AMOUNT, Bounds.AMOUNT)
                .bounded("subtotal", ValueType.AMOUNT, Bounds.AMOUNT)
                .bounded("discount", ValueType.AMOUNT, Bounds.AMOUNT)
                .bounded("total", ValueType.AMOUNT, Bounds.AMOUNT)
                .enumeration("payment_method", Vocabulary.PAYMENT_METHODS)
                .enumeration("status", Vocabulary.TRANSACTION_STATUSES);
        return new EntityRules(EntityType.TRANSACTIONS, "transaction_id", fields.list,
                List.of(RecordCheck.ITEM_SUBTOTAL, RecordCheck.TRANSACTION_SUBTOTAL,
                        RecordCheck.DISCOUNT_WITHIN_SUBTOTAL, RecordCheck.TRANSACTION_TOTAL),
                List.of(new Reference("user_id", EntityType.USERS),
                        new Reference("items[].product_id", EntityType.PRODUCTS)));
    }

    private static EntityRules sessions() {
        Fields fields = new Fields()
                .text("session_id", REQUIRED)
                .text("user_id", REQUIRED)
                .add("start_time", ValueType.DATETIME, REQUIRED)
                .add("end_time", ValueType.DATETIME, REQUIRED)
                .bounded("duration_seconds", ValueType.INTEGER, Bounds.DURATION)
                .add("geo_data", ValueType.OBJECT, REQUIRED)
                .text("geo_data.city", REQUIRED)
                .text("geo_data.state", REQUIRED)
                .text("geo_data.country", REQUIRED)
                .text("geo_data.ip_address", REQUIRED)
                .add("device_profile", ValueType.OBJECT, REQUIRED)
                .enumeration("device_profile.type", Vocabulary.DEVICE_TYPES)
                .enumeration("device_profile.os", Vocabulary.OPERATING_SYSTEMS)
                .enumeration("device_profile.browser", Vocabulary.BROWSERS)
                .add("viewed_products", ValueType.ARRAY, REQUIRED)
                .text("viewed_products[]", REQUIRED)
                .add("page_views", ValueType.ARRAY, REQUIRED)
                .add("page_views[]", ValueType.OBJECT, REQUIRED)
                .add("page_views[].timestamp", ValueType.DATETIME, REQUIRED)
                .enumeration("page_views[].page_type", Vocabulary.PAGE_TYPES)
                .text("page_views[].product_id", OPTIONAL)
                .text("page_views[].category_id", OPTIONAL)
                .bounded("page_views[].view_duration", ValueType.INTEGER, Bounds.DURATION)
                .add("cart_contents", ValueType.MAP, REQUIRED)
                .add("cart_contents{}", ValueType.OBJECT, REQUIRED)
                .bounded("cart_contents{}.quantity", ValueType.INTEGER, Bounds.atLeast(1))
                .bounded("cart_contents{}.price", ValueType.AMOUNT, Bounds.AMOUNT)
                .enumeration("conversion_status", Vocabulary.CONVERSION_STATUSES)
                .enumeration("referrer", Vocabulary.REFERRERS);
        return new EntityRules(EntityType.SESSIONS, "session_id", fields.list,
                List.of(RecordCheck.SESSION_ENDS_AFTER_START),
                List.of(new Reference("user_id", EntityType.USERS),
                        new Reference("page_views[].product_id", EntityType.PRODUCTS),
                        new Reference("page_views[].category_id", EntityType.CATEGORIES),
                        new Reference("viewed_products[]", EntityType.PRODUCTS),
                        new Reference("cart_contents", EntityType.PRODUCTS)));
    }

    /** Collects an entity's fields in the order they are written. */
    private static final class Fields {
        private final List<FieldRule> list = new ArrayList<>();

        Fields add(String path, ValueType type, Presence presence) {
            list.add(new FieldRule(path, type, presence, List.of(), null));
            return this;
        }

        Fields text(String path, Presence presence) {
            return add(path, ValueType.TEXT, presence);
        }

        Fields enumeration(String path, List<String> vocabulary) {
            list.add(new FieldRule(path, ValueType.TEXT, REQUIRED, vocabulary, null));
            return this;
        }

        Fields bounded(String path, ValueType type, Bounds bounds) {
            list.add(new FieldRule(path, type, REQUIRED, List.of(), bounds));
            return this;
        }
    }
}
