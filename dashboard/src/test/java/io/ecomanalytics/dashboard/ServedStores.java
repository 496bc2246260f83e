package io.ecomanalytics.dashboard;

import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.hbase.EmbeddedHBase;
import io.ecomanalytics.hbase.SessionStore;
import io.ecomanalytics.mongo.EmbeddedMongoServer;
import io.ecomanalytics.mongo.MongoCollectionName;
import io.ecomanalytics.mongo.MongoLoadOptions;
import io.ecomanalytics.mongo.MongoSettings;
import io.ecomanalytics.mongo.MongoStore;
import io.ecomanalytics.testing.TestDatasets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The committed {@code tiny} dataset loaded into an embedded MongoDB-protocol server and an in-process HBase, plus
 * hand-made results (customer values, one recommendation list, live metrics) of the shapes {@code run} and the
 * streaming job write, and a dashboard over them: started once per test JVM by the first class that asks, closed
 * when the JUnit run ends.
 */
final class ServedStores {
    static final String TABLE = "dashboard_it:user_sessions";
    /** The planted customer values: user, CLV, P(alive), expected purchases, RFM segment, learned segment. */
    static final List<Document> CUSTOMER_VALUES = List.of(
            value("user_000002", 812.456, 0.91, 2.5, "champions", 1),
            value("user_000016", 1204.004, 0.42, 1.25, "at_risk", 0),
            value("user_000003", 95.5, 0.77, 0.5, "champions", 1));
    static final Document RECOMMENDATIONS = new Document("_id", "user_000002").append("user_id", "user_000002")
            .append("model", "als").append("recommendations", List.of(
                    new Document("rank", 1).append("product_id", "prod_00007").append("score", 0.875)
                            .append("reason", "bought together with prod_00025"),
                    new Document("rank", 2).append("product_id", "prod_00011").append("score", 0.5)
                            .append("reason", "popular in cat_002")));

    private final Path dataset;
    private final EmbeddedMongoServer mongoServer;
    private final EmbeddedHBase hbase;
    private final MongoSettings mongo;
    private final Dashboard dashboard;

    private ServedStores(Path dataset, EmbeddedMongoServer mongoServer, EmbeddedHBase hbase, MongoSettings mongo,
            Dashboard dashboard) {
        this.dataset = dataset;
        this.mongoServer = mongoServer;
        this.hbase = hbase;
        this.mongo = mongo;
        this.dashboard = dashboard;
    }

    Path dataset() {
        return dataset;
    }

    URI address() {
        return dashboard.address();
    }

    MongoSettings mongo() {
        return mongo;
    }

    EmbeddedHBase hbase() {
        return hbase;
    }

    private static ServedStores start() {
        try {
            Path dataset = TestDatasets.copyTiny(Files.createTempDirectory("dashboard-it-"));
            EmbeddedMongoServer mongoServer = EmbeddedMongoServer.start();
            EmbeddedHBase hbase = EmbeddedHBase.start();
            MongoSettings mongo = MongoSettings.of(mongoServer.connectionString(), "dashboard_it");
            try (MongoStore store = MongoStore.connect(mongo)) {
                store.createSchema();
                store.loader(MongoLoadOptions.defaults()).load(dataset);
                store.collection(MongoCollectionName.CUSTOMER_CLV).insertMany(CUSTOMER_VALUES);
                store.collection(MongoCollectionName.RECOMMENDATIONS).insertOne(RECOMMENDATIONS);
            }
            try (SessionStore sessions = SessionStore.connect(hbase.settings(), TABLE)) {
                sessions.createTable(dataset, 2);
                sessions.load(dataset, RejectSink.DISCARD, sessions.loadOptions());
            }
            Dashboard dashboard = Dashboard.start(DashboardSettings.of(mongo, hbase.settings(), TABLE));
            return new ServedStores(dataset, mongoServer, hbase, mongo, dashboard);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document value(String userId, double clv, double alive, double expected, String segment,
            int learned) {
        return new Document("_id", userId).append("customer_id", userId).append("clv", clv)
                .append("probability_alive", alive).append("expected_purchases", expected)
                .append("segment", segment).append("learned_segment", learned);
    }

    /** The live windows the tests plant: three minutes, each with every metric and two categories' revenue. */
    static final Instant FIRST_WINDOW = Instant.parse("2024-12-01T10:00:00Z");
    static final int LIVE_WINDOWS = 3;

    /** Replaces {@code live_metrics} with the planted windows (idempotent). */
    void plantLiveMetrics() {
        try (MongoStore store = MongoStore.connect(mongo)) {
            var collection = store.database().getCollection(StoreQueries.LIVE_METRICS);
            collection.drop();
            for (int window = 0; window < LIVE_WINDOWS; window++) {
                Instant start = FIRST_WINDOW.plusSeconds(60L * window);
                collection.insertMany(List.of(
                        liveMetric("revenue_by_category", start, "cat_001", 100.1 + window, window),
                        liveMetric("revenue_by_category", start, "cat_002", 20.005 + window, 0),
                        liveMetric("orders", start, null, 3 + window, 0),
                        liveMetric("active_users", start, null, 7 + window, 0),
                        liveMetric("conversion_rate", start, null, 0.25, 0)));
            }
        }
    }

    /** Empties {@code live_metrics}, as before the stream ran. */
    void dropLiveMetrics() {
        try (MongoStore store = MongoStore.connect(mongo)) {
            store.database().getCollection(StoreQueries.LIVE_METRICS).drop();
        }
    }

    /** A live_metrics document as the streaming job writes it (the contract in the README). */
    static Document liveMetric(String metric, Instant windowStart, String categoryId, double value, long late) {
        String key = categoryId == null ? "all" : categoryId;
        Document document = new Document("_id", metric + "|" + windowStart + "|" + key).append("metric", metric)
                .append("window_start", Date.from(windowStart))
                .append("window_end", Date.from(windowStart.plusSeconds(60)));
        if (categoryId != null) {
            document.append("category_id", categoryId);
        }
        return document.append("value", value).append("late_events", late)
                .append("updated_at", Date.from(windowStart.plusSeconds(75)));
    }

    /** Hands the one shared instance to the test classes that ask for a {@code ServedStores} parameter. */
    static final class Shared implements ParameterResolver {
        private record Resource(ServedStores stores) implements ExtensionContext.Store.CloseableResource {
            @Override
            public void close() {
                try {
                    stores.dashboard.close();
                } finally {
                    try {
                        stores.hbase.close();
                    } finally {
                        try {
                            stores.mongoServer.close();
                        } finally {
                            TestDatasets.delete(stores.dataset);
                        }
                    }
                }
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ServedStores.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(ServedStores.class.getName(), key -> new Resource(start()), Resource.class)
                    .stores();
        }
    }
}
