package io.ecomanalytics.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ValidationAction;
import com.mongodb.client.model.ValidationLevel;
import com.mongodb.client.model.ValidationOptions;
import io.ecomanalytics.data.Bounds;
import io.ecomanalytics.data.EntityRules;
import io.ecomanalytics.data.EntityType;
import io.ecomanalytics.data.FieldRule;
import io.ecomanalytics.data.Presence;
import io.ecomanalytics.data.RuleTable;
import io.ecomanalytics.data.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collections of the {@code ecommerce} database, their {@code $jsonSchema} validators and their indexes.
 *
 * <p>The validators are derived from the data module's {@code RuleTable} (required fields, BSON types, enumerations,
 * ranges), the definition the Java validation and the Spark cleaning use too, so a document that bypassed the
 * validating reader is still refused by a real MongoDB. They cannot express the checks across fields and the
 * reference rules; the reader enforces those, and {@code _id} keeps ids unique. The embedded server stores
 * validators without enforcing them.
 *
 * <p>{@link #apply} is idempotent: it creates what is missing, brings an outdated validator up to date and leaves
 * everything else untouched.
 */
final class MongoSchema {
    private static final Logger LOG = LoggerFactory.getLogger(MongoSchema.class);

    /** The server's code for a command it does not know (the embedded server has no {@code collMod}). */
    private static final int COMMAND_NOT_FOUND = 59;

    private static final List<String> NUMBER = List.of("double", "int", "long", "decimal");

    private MongoSchema() {
    }

    /** Creates the missing collections (with validators) and indexes of the database. */
    public static void apply(MongoDatabase database) {
        Set<String> existing = new HashSet<>();
        database.listCollectionNames().into(existing);
        for (Map.Entry<MongoCollectionName, Document> entry : validators().entrySet()) {
            String name = entry.getKey().collectionName();
            Document validator = new Document("$jsonSchema", entry.getValue());
            if (existing.contains(name)) {
                updateValidator(database, name, validator);
            } else {
                database.createCollection(name, new CreateCollectionOptions().validationOptions(
                        new ValidationOptions().validator(validator)
                                .validationLevel(ValidationLevel.STRICT)
                                .validationAction(ValidationAction.ERROR)));
                LOG.info("Created collection {}.{} with its $jsonSchema validator", database.getName(), name);
            }
        }
        for (Map.Entry<MongoCollectionName, List<Bson>> entry : indexes().entrySet()) {
            for (Bson keys : entry.getValue()) {
                // createIndex is a no-op when an index with the same keys and options exists.
                database.getCollection(entry.getKey().collectionName()).createIndex(keys, new IndexOptions());
            }
        }
    }

    /** The secondary indexes of each collection, as key documents (the queries of {@link MongoAggregations} and the
     * dataset's lookups by user, time, product, session and category). */
    public static Map<MongoCollectionName, List<Bson>> indexes() {
        Map<MongoCollectionName, List<Bson>> indexes = new LinkedHashMap<>();
        indexes.put(MongoCollectionName.PRODUCTS, List.of(Indexes.ascending("category_id")));
        indexes.put(MongoCollectionName.TRANSACTIONS, List.of(
                Indexes.ascending("user_id"),
                Indexes.ascending("timestamp"),
                Indexes.ascending("items.product_id"),
                Indexes.ascending("session_id")));
        return indexes;
    }

    /**
     * The {@code $jsonSchema} of each validated collection, derived from the data module's {@link RuleTable}: every
     * field's BSON type, the required ones, vocabularies and bounds, plus {@code _id} (a string, the natural id).
     */
    static Map<MongoCollectionName, Document> validators() {
        Map<MongoCollectionName, Document> validators = new LinkedHashMap<>();
        validators.put(MongoCollectionName.CATEGORIES, collection(RuleTable.of(EntityType.CATEGORIES)));
        validators.put(MongoCollectionName.PRODUCTS, collection(RuleTable.of(EntityType.PRODUCTS)));
        validators.put(MongoCollectionName.USERS, collection(RuleTable.of(EntityType.USERS)));
        validators.put(MongoCollectionName.TRANSACTIONS, collection(RuleTable.of(EntityType.TRANSACTIONS)));
        return validators;
    }

    private static Document collection(EntityRules rules) {
        Document fields = object(rules, "");
        List<String> required = new ArrayList<>(List.of("_id"));
        required.addAll(fields.getList("required", String.class));
        Document properties = new Document("_id", new Document("bsonType", "string"));
        properties.putAll(fields.get("properties", Document.class));
        return new Document("bsonType", "object").append("required", required).append("properties", properties);
    }

    private static Document object(EntityRules rules, String path) {
        List<String> required = new ArrayList<>();
        Document properties = new Document();
        for (FieldRule child : rules.children(path)) {
            if (child.presence() == Presence.REQUIRED) {
                required.add(child.name());
            }
            properties.put(child.name(), field(rules, child));
        }
        return new Document("bsonType", "object").append("required", required).append("properties", properties);
    }

    private static Document field(EntityRules rules, FieldRule field) {
        Document schema = switch (field.type()) {
            case OBJECT -> object(rules, field.path());
            case ARRAY -> new Document("bsonType", "array")
                    .append("items", field(rules, rules.children(field.path()).get(0)));
            case MAP -> new Document("bsonType", "object")
                    .append("additionalProperties", field(rules, rules.children(field.path()).get(0)));
            default -> new Document("bsonType", bsonType(field.type()));
        };
        if (field.presence() == Presence.OPTIONAL) {
            schema.put("bsonType", List.of(schema.get("bsonType"), "null"));
        }
        if (!field.vocabulary().isEmpty()) {
            schema.put("enum", field.vocabulary());
        }
        Bounds bounds = field.bounds();
        if (bounds != null) {
            boolean array = field.type() == ValueType.ARRAY;
            if (bounds.minimum() != null) {
                schema.put(array ? "minItems" : "minimum", bounds.minimum().longValueExact());
            }
            if (bounds.maximum() != null) {
                schema.put(array ? "maxItems" : "maximum", bounds.maximum().longValueExact());
                if (bounds.maximumExclusive()) {
                    schema.put("exclusiveMaximum", true);
                }
            }
        }
        return schema;
    }

    private static Object bsonType(ValueType type) {
        return switch (type) {
            case TEXT -> "string";
            case INTEGER -> "int";
            case AMOUNT, NUMBER -> NUMBER;
            case BOOLEAN -> "bool";
            case DATETIME -> "date";
            default -> throw new IllegalArgumentException("Not a scalar type: " + type);
        };
    }

    private static void updateValidator(MongoDatabase database, String name, Document validator) {
        Document options = database.listCollections().filter(new Document("name", name)).first();
        Object current = options == null ? null : options.get("options", new Document()).get("validator");
        if (validator.equals(current)) {
            return;
        }
        try {
            database.runCommand(new Document("collMod", name).append("validator", validator)
                    .append("validationLevel", "strict").append("validationAction", "error"));
            LOG.info("Updated the $jsonSchema validator of {}.{}", database.getName(), name);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != COMMAND_NOT_FOUND) {
                throw e;
            }
            LOG.debug("The server has no collMod; the validator of {}.{} stays as created", database.getName(), name);
        }
    }
}
