package io.ecomanalytics.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ValidationAction;
import com.mongodb.client.model.ValidationLevel;
import com.mongodb.client.model.ValidationOptions;
import io.ecomanalytics.data.Vocabulary;
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
 * <p>The validators mirror the data module's rules (required fields, BSON types, enumerations, ranges), so a
 * document that bypassed the validating reader is still refused by a real MongoDB. They cannot express the
 * arithmetic, duplicate and reference rules; the reader enforces those. The embedded server stores validators without
 * enforcing them.
 *
 * <p>{@link #apply} is idempotent: it creates what is missing, brings an outdated validator up to date and leaves
 * everything else untouched.
 */
public final class MongoSchema {
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
        indexes.put(MongoCollectionName.CUSTOMER_CLV, List.of(Indexes.ascending("user_id")));
        return indexes;
    }

    /** The {@code $jsonSchema} of each validated collection. */
    static Map<MongoCollectionName, Document> validators() {
        Map<MongoCollectionName, Document> validators = new LinkedHashMap<>();
        validators.put(MongoCollectionName.CATEGORIES, object(List.of("_id", "category_id", "name", "subcategories"),
                new Document("_id", string())
                        .append("category_id", string())
                        .append("name", string())
                        .append("subcategories", array(object(List.of("subcategory_id", "name", "profit_margin"),
                                new Document("subcategory_id", string())
                                        .append("name", string())
                                        .append("profit_margin", range(0, 1)))))));
        validators.put(MongoCollectionName.PRODUCTS, object(List.of("_id", "product_id", "name", "category_id",
                        "base_price", "current_stock", "is_active", "price_history", "creation_date"),
                new Document("_id", string())
                        .append("product_id", string())
                        .append("name", string())
                        .append("category_id", string())
                        .append("base_price", atLeast(0))
                        .append("current_stock", atLeast(0))
                        .append("is_active", type("bool"))
                        .append("price_history", array(object(List.of("price", "date"),
                                new Document("price", atLeast(0)).append("date", type("date")))))
                        .append("creation_date", type("date"))));
        validators.put(MongoCollectionName.USERS, object(List.of("_id", "user_id", "geo_data", "registration_date",
                        "last_active"),
                new Document("_id", string())
                        .append("user_id", string())
                        .append("geo_data", object(List.of("city", "state", "country"),
                                new Document("city", string()).append("state", string()).append("country", string())))
                        .append("registration_date", type("date"))
                        .append("last_active", type("date"))));
        validators.put(MongoCollectionName.TRANSACTIONS, object(List.of("_id", "transaction_id", "session_id",
                        "user_id", "timestamp", "items", "subtotal", "discount", "total", "payment_method", "status"),
                new Document("_id", string())
                        .append("transaction_id", string())
                        .append("session_id", new Document("bsonType", List.of("string", "null")))
                        .append("user_id", string())
                        .append("timestamp", type("date"))
                        .append("items", array(object(List.of("product_id", "quantity", "unit_price", "subtotal"),
                                new Document("product_id", string())
                                        .append("quantity", new Document("bsonType", List.of("int", "long"))
                                                .append("minimum", 1))
                                        .append("unit_price", atLeast(0))
                                        .append("subtotal", atLeast(0)))))
                        .append("subtotal", atLeast(0))
                        .append("discount", atLeast(0))
                        .append("total", atLeast(0))
                        .append("payment_method", oneOf(Vocabulary.PAYMENT_METHODS))
                        .append("status", oneOf(Vocabulary.TRANSACTION_STATUSES))));
        return validators;
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

    private static Document object(List<String> required, Document properties) {
        return new Document("bsonType", "object").append("required", new ArrayList<>(required))
                .append("properties", properties);
    }

    private static Document array(Document items) {
        return new Document("bsonType", "array").append("items", items);
    }

    private static Document string() {
        return type("string");
    }

    private static Document type(String bsonType) {
        return new Document("bsonType", bsonType);
    }

    private static Document atLeast(int minimum) {
        return new Document("bsonType", NUMBER).append("minimum", minimum);
    }

    private static Document range(int minimum, int maximum) {
        return atLeast(minimum).append("maximum", maximum);
    }

    private static Document oneOf(List<String> values) {
        return new Document("bsonType", "string").append("enum", values);
    }
}
