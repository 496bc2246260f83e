package io.ecomanalytics.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
    private static final Path DATASET = TestDatasets.standard();
    private static final PlainJavaFigures EXPECTED = PlainJavaFigures.of(DATASET);
    private static final LoadOptions OPTIONS = LoadOptions.defaults().withBatchSize(50)
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
            LoadReport first = store.loader(OPTIONS).load(DATASET);
            LoadReport second = store.loader(OPTIONS).load(DATASET);

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
    void storesTheDatasetFieldNamesWithDatesAndSubDocuments() {
        try (MongoStore store = MongoStore.connect(settings)) {
            store.loader(OPTIONS).load(DATASET);
            MongoCollection<Document> transactions = store.collection(MongoCollectionName.TRANSACTIONS);

            Document first = transactions.find().sort(new Document("_id", 1)).first();
            assertThat(first).isNotNull();
            assertThat(first.keySet()).containsExactly("_id", "transaction_id", "session_id", "user_id", "timestamp",
                    "items", "subtotal", "discount", "total", "payment_method", "status");
            assertThat(first.get("_id")).isEqualTo(first.get("transaction_id"));
            assertThat(first.get("timestamp")).isInstanceOf(Date.class);
            Document item = first.getList("items", Document.class).get(0);
            assertThat(item.keySet()).containsExactly("product_id", "quantity", "unit_price", "subtotal");

            // A query written against the dataset's field names runs unchanged.
            String productId = item.getString("product_id");
            long expectedWithProduct = EXPECTED.productSales.stream()
                    .filter(sales -> sales.productId().equals(productId)).findFirst().orElseThrow().orders();
            assertThat(transactions.countDocuments(new Document("items.product_id", productId)))
                    .isEqualTo(expectedWithProduct);

            Document product = store.collection(MongoCollectionName.PRODUCTS).find(new Document("_id", "prod_00001"))
                    .first();
            assertThat(product).isNotNull();
            assertThat(product.getString("product_id")).isEqualTo("prod_00001");
            Document history = product.getList("price_history", Document.class).get(0);
            assertThat(history.get("date")).isEqualTo(Date.from(Instant.parse("2025-12-01T00:00:00Z")));
            assertThat(product.get("creation_date")).isEqualTo(Date.from(Instant.parse("2025-11-15T10:00:00Z")));

            Document user = store.collection(MongoCollectionName.USERS).find(new Document("_id", "user_000001"))
                    .first();
            assertThat(user).isNotNull();
            assertThat(user.get("geo_data", Document.class).keySet()).containsExactly("city", "state", "country");
            assertThat(user.getDate("last_active").toInstant().toEpochMilli() % 1000).isEqualTo(250);
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

            LoadReport report = store.loader(OPTIONS).load(DATASET);

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
            LoadOptions options = OPTIONS.withRetries(3, Duration.ofMillis(10))
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
            LoadOptions cutting = OPTIONS.withRetries(3, Duration.ofMillis(10)).withProgress(Duration.ZERO,
                    progress -> {
                        if (progress.collection() == MongoCollectionName.TRANSACTIONS && progress.processed() >= 100
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
            assertThat(landed).isBetween(100L, (long) EXPECTED.transactions - 1);

            proxy.restart();
            LoadReport rerun;
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

    private static void assertCounts(CollectionLoadReport report, long read, long inserted, long unchanged) {
        assertThat(report.read()).as(report.collection() + " read").isEqualTo(read);
        assertThat(report.inserted()).as(report.collection() + " inserted").isEqualTo(inserted);
        assertThat(report.unchanged()).as(report.collection() + " unchanged").isEqualTo(unchanged);
        assertThat(report.updated()).as(report.collection() + " updated").isZero();
        assertThat(report.read()).isEqualTo(report.rejected() + report.written() + report.failed());
    }
}
