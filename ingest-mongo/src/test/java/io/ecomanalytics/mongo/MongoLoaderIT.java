package io.ecomanalytics.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.DatasetFormatException;
import io.ecomanalytics.data.Reject;
import io.ecomanalytics.data.Rule;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedMongoExtension.class)
class MongoLoaderIT {
    private static final Path DATASET = TestDatasets.tiny();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PlainJavaFigures EXPECTED = PlainJavaFigures.of(DATASET);
    private static final MongoLoadOptions OPTIONS = MongoLoadOptions.defaults().withBatchSize(50)
            .withRetries(3, Duration.ofMillis(20));

    private final MongoSettings settings;

    MongoLoaderIT(MongoSettings settings) {
        this.settings = settings;
    }

    @BeforeEach
    void startEmpty() {
        try (MongoStore store = MongoStore.connect(settings)) {
            store.database().drop();
        }
    }

    @Test
    void loadsEveryAcceptedRecordAndAReloadChangesNothing() {
        try (MongoStore store = MongoStore.connect(settings)) {
            store.createSchema();
            MongoLoadReport first = store.loader(OPTIONS).load(DATASET);
            MongoLoadReport second = store.loader(OPTIONS).load(DATASET);

            assertCounts(first.collection(MongoCollectionName.USERS), EXPECTED.users, EXPECTED.users, 0);
            assertCounts(first.collection(MongoCollectionName.PRODUCTS), EXPECTED.products, EXPECTED.products, 0);
            assertCounts(first.collection(MongoCollectionName.CATEGORIES), EXPECTED.categories, EXPECTED.categories,
                    0);
            assertCounts(first.collection(MongoCollectionName.TRANSACTIONS), EXPECTED.transactions,
                    EXPECTED.transactions, 0);
            assertThat(first.rejected()).isZero();
            assertThat(first.failed()).isZero();

            assertThat(second.read()).isEqualTo(first.read());
            assertThat(second.inserted()).isZero();
            assertThat(second.updated()).isZero();
            assertThat(second.unchanged()).isEqualTo(first.read());
            assertThat(store.collection(MongoCollectionName.TRANSACTIONS).countDocuments())
                    .isEqualTo(EXPECTED.transactions);
            assertThat(store.collection(MongoCollectionName.USERS).countDocuments()).isEqualTo(EXPECTED.users);
        }
    }

    @Test
    void storesTheDatasetFieldNamesWithDatesAndSubDocuments() throws IOException {
        JsonNode rawTransaction = JSON.readTree(DATASET.resolve("transactions.json").toFile()).get(0);
        JsonNode rawProduct = JSON.readTree(DATASET.resolve("products.json").toFile()).get(0);
        JsonNode rawUser = JSON.readTree(DATASET.resolve("users.json").toFile()).get(0);
        try (MongoStore store = MongoStore.connect(settings)) {
            store.loader(OPTIONS).load(DATASET);
            MongoCollection<Document> transactions = store.collection(MongoCollectionName.TRANSACTIONS);

            String transactionId = rawTransaction.get("transaction_id").asText();
            Document transaction = transactions.find(new Document("_id", transactionId)).first();
            assertThat(transaction).isNotNull();
            assertThat(transaction.keySet()).containsExactly("_id", "transaction_id", "session_id", "user_id",
                    "timestamp", "items", "subtotal", "discount", "total", "payment_method", "status");
            assertThat(transaction.getString("transaction_id")).isEqualTo(transactionId);
            assertThat(transaction.getString("user_id")).isEqualTo(rawTransaction.get("user_id").asText());
            assertThat(transaction.get("timestamp")).isEqualTo(date(rawTransaction.get("timestamp")));
            assertThat(transaction.getDouble("total")).isEqualTo(rawTransaction.get("total").asDouble());
            assertThat(transaction.getString("status")).isEqualTo(rawTransaction.get("status").asText());
            List<Document> items = transaction.getList("items", Document.class);
            assertThat(items).hasSize(rawTransaction.get("items").size());
            JsonNode rawItem = rawTransaction.get("items").get(0);
            assertThat(items.get(0)).isEqualTo(new Document("product_id", rawItem.get("product_id").asText())
                    .append("quantity", rawItem.get("quantity").asInt())
                    .append("unit_price", rawItem.get("unit_price").asDouble())
                    .append("subtotal", rawItem.get("subtotal").asDouble()));

            // A query written against the dataset's field names runs unchanged.
            String productId = rawItem.get("product_id").asText();
            long expectedWithProduct = EXPECTED.productSales.stream()
                    .filter(sales -> sales.productId().equals(productId)).findFirst().orElseThrow().orders();
            assertThat(transactions.countDocuments(new Document("items.product_id", productId)))
                    .isEqualTo(expectedWithProduct);

            Document product = store.collection(MongoCollectionName.PRODUCTS)
                    .find(new Document("_id", rawProduct.get("product_id").asText())).first();
            assertThat(product).isNotNull();
            assertThat(product.keySet()).containsExactly("_id", "product_id", "name", "category_id", "base_price",
                    "current_stock", "is_active", "price_history", "creation_date");
            assertThat(product.getString("product_id")).isEqualTo(rawProduct.get("product_id").asText());
            assertThat(product.getBoolean("is_active")).isEqualTo(rawProduct.get("is_active").asBoolean());
            JsonNode rawHistory = rawProduct.get("price_history").get(0);
            assertThat(product.getList("price_history", Document.class).get(0)).isEqualTo(
                    new Document("price", rawHistory.get("price").asDouble()).append("date",
                            date(rawHistory.get("date"))));
            assertThat(product.get("creation_date")).isEqualTo(date(rawProduct.get("creation_date")));

            Document user = store.collection(MongoCollectionName.USERS)
                    .find(new Document("_id", rawUser.get("user_id").asText())).first();
            assertThat(user).isNotNull();
            assertThat(user.get("geo_data")).isEqualTo(new Document("city",
                    rawUser.get("geo_data").get("city").asText())
                    .append("state", rawUser.get("geo_data").get("state").asText())
                    .append("country", rawUser.get("geo_data").get("country").asText()));
            assertThat(user.get("registration_date")).isEqualTo(date(rawUser.get("registration_date")));
        }
    }

    @Test
    void recordsTheValidationRejectsAreCountedByRuleAndNeverSent() throws IOException {
        Path broken = TestDatasets.copyOfTiny();
        ArrayNode rawTransactions = (ArrayNode) JSON.readTree(broken.resolve("transactions.json").toFile());
        ObjectNode negative = (ObjectNode) rawTransactions.get(3).get("items").get(0);
        negative.put("quantity", -2);
        ((ObjectNode) rawTransactions.get(7)).put("payment_method", "barter");
        JSON.writeValue(broken.resolve("transactions.json").toFile(), rawTransactions);
        List<Reject> rejects = new ArrayList<>();

        try (MongoStore store = MongoStore.connect(settings)) {
            MongoLoadReport report = store.loader(OPTIONS).load(DatasetFiles.open(broken), rejects::add);

            CollectionLoadReport transactions = report.collection(MongoCollectionName.TRANSACTIONS);
            assertThat(transactions.read()).isEqualTo(EXPECTED.transactions);
            assertThat(transactions.rejectedByRule()).isEqualTo(Map.of(Rule.RANGE, 1L, Rule.ENUMERATION, 1L));
            assertThat(transactions.inserted()).isEqualTo(EXPECTED.transactions - 2);
            assertThat(report.rejected()).isEqualTo(2);
            assertThat(rejects).extracting(reject -> reject.position().recordIndex()).containsExactly(3L, 7L);
            assertThat(store.collection(MongoCollectionName.TRANSACTIONS).countDocuments(new Document("_id",
                    new Document("$in", List.of(rawTransactions.get(3).get("transaction_id").asText(),
                            rawTransactions.get(7).get("transaction_id").asText()))))).isZero();
            assertThat(store.collection(MongoCollectionName.TRANSACTIONS).countDocuments())
                    .isEqualTo(EXPECTED.transactions - 2);
        }
    }

    @Test
    void aFileThatIsNotAJsonArrayStopsTheLoadWithTheReadersError() throws IOException {
        Path truncated = TestDatasets.copyOfTiny();
        Path transactionsFile = truncated.resolve("transactions.json");
        String text = Files.readString(transactionsFile);
        Files.writeString(transactionsFile, text.substring(0, text.length() / 2));

        try (MongoStore store = MongoStore.connect(settings)) {
            assertThatThrownBy(() -> store.loader(OPTIONS.withBatchSize(10)).load(truncated))
                    .isInstanceOf(DatasetFormatException.class)
                    .hasMessageStartingWith("transactions.json line ")
                    .hasMessageContaining("The file must hold one JSON array of objects");
            assertThat(store.collection(MongoCollectionName.USERS).countDocuments()).isEqualTo(EXPECTED.users);
        }
    }

    @Test
    void documentsTheServerRefusesAreReportedWithIdAndReasonWhileTheRestOfTheBatchLands() {
        try (MongoStore store = MongoStore.connect(settings)) {
            // A unique index the data does not satisfy: only the first product of each category can land.
            store.collection(MongoCollectionName.PRODUCTS).createIndex(Indexes.ascending("category_id"),
                    new IndexOptions().unique(true));
            Map<String, Long> productsPerCategory = new HashMap<>();
            Set<String> firstOfCategory = new HashSet<>();
            EXPECTED.categoryOfProduct.forEach((productId, categoryId) -> {
                if (productsPerCategory.merge(categoryId, 1L, Long::sum) == 1L) {
                    firstOfCategory.add(productId);
                }
            });
            Set<String> refused = new HashSet<>(EXPECTED.categoryOfProduct.keySet());
            refused.removeAll(firstOfCategory);

            MongoLoadReport report = store.loader(OPTIONS).load(DATASET);

            CollectionLoadReport products = report.collection(MongoCollectionName.PRODUCTS);
            assertThat(products.read()).isEqualTo(EXPECTED.products);
            assertThat(products.inserted()).isEqualTo(productsPerCategory.size());
            assertThat(products.failed()).isEqualTo(refused.size());
            assertThat(products.failures()).extracting(LoadFailure::id).containsExactlyInAnyOrderElementsOf(refused);
            assertThat(products.failures()).allSatisfy(failure -> {
                assertThat(failure.collection()).isEqualTo(MongoCollectionName.PRODUCTS);
                assertThat(failure.reason()).startsWith("server error 11000: ").contains("duplicate key");
            });
            assertThat(store.collection(MongoCollectionName.PRODUCTS).countDocuments())
                    .isEqualTo(productsPerCategory.size());
            assertThat(report.collection(MongoCollectionName.TRANSACTIONS).inserted())
                    .isEqualTo(EXPECTED.transactions);
            assertThat(report.failed()).isEqualTo(refused.size());
        }
    }

    @Test
    void aServerThatIsDownFailsWithAClearErrorAfterBoundedRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MongoSettings down = MongoSettings.of("mongodb://loader:TopSecret@127.0.0.1:" + closedPort
                + "/?serverSelectionTimeoutMS=200&connectTimeoutMS=200", "down");
        List<LoadProgress> progress = new ArrayList<>();

        try (MongoStore store = MongoStore.connect(down)) {
            MongoLoadOptions options = OPTIONS.withRetries(3, Duration.ofMillis(10))
                    .withProgress(Duration.ZERO, progress::add);
            assertThatThrownBy(() -> store.loader(options).load(DATASET))
                    .isInstanceOf(MongoLoadException.class)
                    .hasMessageStartingWith("Writing into categories at mongodb://loader:****@127.0.0.1:" + closedPort
                            + "/?serverSelectionTimeoutMS=200&connectTimeoutMS=200 failed after 3 attempts: "
                            + "MongoTimeoutException: ")
                    .hasMessageContaining("Check that the server is running and reachable")
                    .hasMessageNotContaining("TopSecret");
        }
        assertThat(progress).isEmpty();
    }

    @Test
    void aServerLostMidLoadFailsAndARerunCompletesWithNothingDuplicatedOrLost(EmbeddedMongoServer server) {
        try (TcpProxy proxy = TcpProxy.start(server.port())) {
            MongoSettings throughProxy = MongoSettings.of("mongodb://127.0.0.1:" + proxy.port()
                    + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300", settings.database());
            AtomicBoolean cut = new AtomicBoolean();
            MongoLoadOptions cutting = OPTIONS.withBatchSize(10).withRetries(3, Duration.ofMillis(10))
                    .withProgress(Duration.ZERO, progress -> {
                        if (progress.collection() == MongoCollectionName.TRANSACTIONS && progress.processed() >= 40
                                && cut.compareAndSet(false, true)) {
                            proxy.stop();
                        }
                    });
            try (MongoStore store = MongoStore.connect(throughProxy)) {
                assertThatThrownBy(() -> store.loader(cutting).load(DATASET))
                        .isInstanceOf(MongoLoadException.class)
                        .hasMessageContaining("Writing into transactions at mongodb://127.0.0.1:" + proxy.port())
                        .hasMessageContaining("failed after 3 attempts");
            }
            long landed = countTransactions();
            assertThat(landed).isBetween(40L, (long) EXPECTED.transactions - 1);

            proxy.restart();
            MongoLoadReport rerun;
            try (MongoStore store = MongoStore.connect(throughProxy)) {
                rerun = store.loader(OPTIONS).load(DATASET);
            }

            CollectionLoadReport transactions = rerun.collection(MongoCollectionName.TRANSACTIONS);
            assertThat(transactions.inserted()).isEqualTo(EXPECTED.transactions - landed);
            assertThat(transactions.unchanged()).isEqualTo(landed);
            assertThat(transactions.failed()).isZero();
            try (MongoStore store = MongoStore.connect(settings)) {
                Set<String> ids = new HashSet<>();
                store.collection(MongoCollectionName.TRANSACTIONS).find().projection(new Document("_id", 1))
                        .forEach(document -> ids.add(document.getString("_id")));
                assertThat(ids).isEqualTo(EXPECTED.transactionIds);
                assertThat(store.collection(MongoCollectionName.TRANSACTIONS).countDocuments())
                        .isEqualTo(EXPECTED.transactions);
            }
        }
    }

    private long countTransactions() {
        try (MongoStore store = MongoStore.connect(settings)) {
            return store.collection(MongoCollectionName.TRANSACTIONS).countDocuments();
        }
    }

    private static Date date(JsonNode naiveIsoDatetime) {
        return Date.from(LocalDateTime.parse(naiveIsoDatetime.asText()).toInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MILLIS));
    }

    private static void assertCounts(CollectionLoadReport report, long read, long inserted, long unchanged) {
        assertThat(report.read()).as(report.collection() + " read").isEqualTo(read);
        assertThat(report.inserted()).as(report.collection() + " inserted").isEqualTo(inserted);
        assertThat(report.unchanged()).as(report.collection() + " unchanged").isEqualTo(unchanged);
        assertThat(report.updated()).as(report.collection() + " updated").isZero();
        assertThat(report.read()).isEqualTo(report.rejected() + report.written() + report.failed());
    }
}
