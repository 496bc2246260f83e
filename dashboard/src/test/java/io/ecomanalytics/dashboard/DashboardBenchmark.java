package io.ecomanalytics.dashboard;

import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.ProgressListener;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.hbase.EmbeddedHBase;
import io.ecomanalytics.hbase.SessionStore;
import io.ecomanalytics.mongo.EmbeddedMongoServer;
import io.ecomanalytics.mongo.MongoCollectionName;
import io.ecomanalytics.mongo.MongoLoadOptions;
import io.ecomanalytics.mongo.MongoSettings;
import io.ecomanalytics.mongo.MongoStore;
import io.ecomanalytics.testing.TestDatasets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntSupplier;
import org.bson.Document;

/**
 * Response times of the API over a generated dataset in embedded stores: 1,000 customer pages (random users) and
 * the overview's two calls ({@code /api/summary} and {@code /api/categories}) and a category page 100 times each,
 * one request at a time, after a first (cold) call of each, which waits for the figures the dashboard computes when
 * it starts. Every user gets a {@code customer_clv} document (placeholder values: only the lookup's time matters), as
 * after a run. Prints the percentiles; never fails on timing.
 *
 * <p>{@code java ... DashboardBenchmark [scale] [requests] [order lookup]}: scale {@code small}, 1,000 requests and
 * {@link OrderLookup#IN_MEMORY_MAP} (what {@code serve} uses over the embedded MongoDB) by default.
 */
public final class DashboardBenchmark {
    private static final String TABLE = "bench:user_sessions";

    private DashboardBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        String scale = arguments.length > 0 ? arguments[0] : "small";
        int requests = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 1_000;
        OrderLookup lookup = arguments.length > 2 ? OrderLookup.valueOf(arguments[2]) : OrderLookup.IN_MEMORY_MAP;
        GeneratorSpec spec = GeneratorSpec.scale(scale);
        Path dataset = Files.createTempDirectory("dashboard-bench-");
        DatasetGenerator.generate(spec, dataset, ProgressListener.NONE);
        try {
            run(scale, requests, lookup, spec.users(), dataset);
        } finally {
            TestDatasets.delete(dataset);
        }
    }

    private static void run(String scale, int requests, OrderLookup lookup, int users, Path dataset)
            throws Exception {
        try (EmbeddedMongoServer mongoServer = EmbeddedMongoServer.start();
                EmbeddedHBase hbase = EmbeddedHBase.start()) {
            MongoSettings mongo = MongoSettings.of(mongoServer.connectionString());
            long loadStart = System.nanoTime();
            try (MongoStore store = MongoStore.connect(mongo)) {
                store.createSchema();
                store.loader(MongoLoadOptions.defaults()).load(dataset);
                List<Document> values = new ArrayList<>();
                for (int user = 1; user <= users; user++) {
                    String id = String.format(Locale.ROOT, "user_%06d", user);
                    values.add(new Document("_id", id).append("customer_id", id).append("clv", 10.0 * user)
                            .append("probability_alive", 0.5).append("expected_purchases", 1.5)
                            .append("segment", "loyal").append("learned_segment", user % 4));
                }
                store.collection(MongoCollectionName.CUSTOMER_CLV).insertMany(values);
            }
            try (SessionStore sessions = SessionStore.connect(hbase.settings(), TABLE)) {
                sessions.createTable(dataset, 4);
                sessions.load(dataset, RejectSink.DISCARD, sessions.loadOptions());
            }
            System.out.printf(Locale.ROOT, "scale %s loaded in %.1f s%n", scale, (System.nanoTime() - loadStart) / 1e9);
            System.out.println("order lookup " + lookup);
            try (Dashboard dashboard = Dashboard.start(DashboardSettings.of(mongo, hbase.settings(), TABLE)
                    .withOrderLookup(lookup))) {
                URI root = dashboard.address();
                Random random = new Random(42);
                List<Requests> all = List.of(
                        new Requests("customer page /api/customers/{id}", requests, () -> HttpCalls.get(root,
                                String.format(Locale.ROOT, "api/customers/user_%06d", 1 + random.nextInt(users)))
                                .status()),
                        new Requests("overview /api/summary + /api/categories", Math.max(1, requests / 10),
                                () -> Math.max(HttpCalls.get(root, "api/summary").status(),
                                        HttpCalls.get(root, "api/categories").status())),
                        new Requests("category /api/categories/cat_001/products", Math.max(1, requests / 10),
                                () -> HttpCalls.get(root, "api/categories/cat_001/products").status()));
                // The first calls wait for the figures the dashboard computes when it starts (a call waiting longer
                // than the store timeout is answered 503 and asked again); the loops then measure the steady state,
                // one kind of request at a time.
                long started = System.nanoTime();
                for (Requests kind : all) {
                    int refused = 0;
                    while (kind.request().getAsInt() != 200) {
                        refused++;
                    }
                    System.out.printf(Locale.ROOT, "%-45s first answer %.1f s after the start (%d times 503 before)%n",
                            kind.what(), (System.nanoTime() - started) / 1e9, refused);
                }
                for (Requests kind : all) {
                    measure(kind);
                }
            }
        }
    }

    /** One kind of request and how many times to time it. */
    private record Requests(String what, int count, IntSupplier request) {
    }

    private static void measure(Requests kind) {
        List<Double> millis = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < kind.count(); i++) {
            long start = System.nanoTime();
            if (kind.request().getAsInt() != 200) {
                failed++;
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-45s n=%,d p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  not 200: %d%n",
                kind.what(), kind.count(), percentile(sorted, 0.50), percentile(sorted, 0.95),
                percentile(sorted, 0.99), sorted[sorted.length - 1], failed);
    }

    private static double percentile(double[] sorted, double share) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }
}
