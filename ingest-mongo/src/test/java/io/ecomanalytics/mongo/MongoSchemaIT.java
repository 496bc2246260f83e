package io.ecomanalytics.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedMongoExtension.class)
class MongoSchemaIT {

    @Test
    void createsTheCollectionsAndIndexesAndASecondRunChangesNothing(MongoSettings settings) {
        try (MongoStore store = MongoStore.connect(settings)) {
            store.createSchema();
            Map<String, List<Document>> first = describe(store.database());

            store.createSchema();
            Map<String, List<Document>> second = describe(store.database());

            assertThat(first).containsOnlyKeys("users", "products", "categories", "transactions");
            assertThat(keysOf(first.get("transactions"))).containsExactlyInAnyOrder(
                    new Document("_id", 1), new Document("user_id", 1), new Document("timestamp", 1),
                    new Document("items.product_id", 1), new Document("session_id", 1));
            assertThat(keysOf(first.get("products")))
                    .containsExactlyInAnyOrder(new Document("_id", 1), new Document("category_id", 1));
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void theValidatorsRequireTheDatasetFieldsAndMirrorTheEnumerations() {
        Map<MongoCollectionName, Document> validators = MongoSchema.validators();

        Document transactions = validators.get(MongoCollectionName.TRANSACTIONS);
        assertThat(transactions.getList("required", String.class)).containsExactly("_id", "transaction_id",
                "user_id", "timestamp", "items", "subtotal", "discount", "total", "payment_method", "status");
        Document properties = transactions.get("properties", Document.class);
        assertThat(properties.get("status", Document.class).getList("enum", String.class))
                .containsExactly("completed", "pending", "refunded", "cancelled");
        assertThat(properties.get("session_id", Document.class).getList("bsonType", String.class))
                .containsExactly("string", "null");
        Document item = properties.get("items", Document.class).get("items", Document.class);
        assertThat(item.get("properties", Document.class).get("quantity", Document.class).getLong("minimum"))
                .isEqualTo(1L);
        assertThat(properties.get("items", Document.class).getLong("minItems")).isEqualTo(1L);
        assertThat(validators).containsOnlyKeys(MongoCollectionName.USERS, MongoCollectionName.PRODUCTS,
                MongoCollectionName.CATEGORIES, MongoCollectionName.TRANSACTIONS);
    }

    private static Map<String, List<Document>> describe(MongoDatabase database) {
        Map<String, List<Document>> indexes = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            indexes.put(name, database.getCollection(name).listIndexes().into(new ArrayList<>()));
        }
        return indexes;
    }

    private static List<Document> keysOf(List<Document> indexes) {
        return indexes.stream().map(index -> index.get("key", Document.class)).toList();
    }
}
