package io.ecomanalytics.examples;

import io.ecomanalytics.charts.CategoryRevenue;
import io.ecomanalytics.charts.ChartInputs;
import io.ecomanalytics.charts.ChartKind;
import io.ecomanalytics.charts.ChartStyle;
import io.ecomanalytics.charts.Charts;
import io.ecomanalytics.charts.RenderedChart;
import io.ecomanalytics.clv.BgNbdFit;
import io.ecomanalytics.clv.ClvScorer;
import io.ecomanalytics.clv.ClvSpark;
import io.ecomanalytics.clv.ClvTimeUnit;
import io.ecomanalytics.clv.GammaGammaFit;
import io.ecomanalytics.data.Behaviour;
import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.DatasetValidator;
import io.ecomanalytics.data.EntityRules;
import io.ecomanalytics.data.EntityType;
import io.ecomanalytics.data.GenerationSummary;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.RecordPosition;
import io.ecomanalytics.data.RecordStream;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.RuleTable;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.data.Transaction;
import io.ecomanalytics.data.ValidatingDataset;
import io.ecomanalytics.data.ValidationReport;
import io.ecomanalytics.hbase.EmbeddedHBase;
import io.ecomanalytics.hbase.HBaseSettings;
import io.ecomanalytics.hbase.LoadMethod;
import io.ecomanalytics.hbase.SessionLoadReport;
import io.ecomanalytics.hbase.SessionStore;
import io.ecomanalytics.hbase.StoredSession;
import io.ecomanalytics.mongo.EmbeddedMongoServer;
import io.ecomanalytics.mongo.MongoCollectionName;
import io.ecomanalytics.mongo.MongoLoadOptions;
import io.ecomanalytics.mongo.MongoLoadReport;
import io.ecomanalytics.mongo.MongoSettings;
import io.ecomanalytics.mongo.MongoSparkIo;
import io.ecomanalytics.mongo.MongoStore;
import io.ecomanalytics.mongo.ProductSales;
import io.ecomanalytics.recommendations.ImplicitFeedback;
import io.ecomanalytics.recommendations.ModelKind;
import io.ecomanalytics.recommendations.ProductCatalogue;
import io.ecomanalytics.recommendations.RecommendationModel;
import io.ecomanalytics.recommendations.Recommender;
import io.ecomanalytics.recommendations.RecommenderConfig;
import io.ecomanalytics.recommendations.TrainingData;
import io.ecomanalytics.transforms.Analytic;
import io.ecomanalytics.transforms.Analytics;
import io.ecomanalytics.transforms.CleanTables;
import io.ecomanalytics.transforms.Cleaning;
import io.ecomanalytics.transforms.ProductAffinity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every module's front door, used as its README shows it: the README samples are copied from here, and a test in the
 * build (runner's {@code ReadmeSamplesTest}) checks that each sample's lines still appear here, in order. The
 * program generates a small dataset, validates it, loads MongoDB and HBase (both embedded), analyses both with a
 * local Spark, fits CLV and draws a chart, printing one line per step; it exits with 1 on any failure.
 */
public final class LibraryTour {
    private static final Logger log = LoggerFactory.getLogger(LibraryTour.class);

    private LibraryTour() {
    }

    public static void main(String[] arguments) {
        int exitCode = 0;
        try {
            tour();
            System.out.println("library tour done");
        } catch (Exception | Error e) {
            System.err.println("library tour failed: " + e.getMessage());
            exitCode = 1;
        }
        // Spark, HBase and the logging leave threads behind that would hold the JVM open.
        System.exit(exitCode);
    }

    private static void tour() throws Exception {
        Path work = Files.createTempDirectory("library-tour-");
        try {
            tour(work);
        } finally {
            deleteRecursively(work);
        }
    }

    private static void tour(Path work) throws Exception {
        Path outputFolder = work.resolve("output");
        Files.createDirectories(outputFolder);
        Path folder = generate(work.resolve("dataset"));
        readAndValidate(folder, outputFolder);

        SparkSession spark = SparkSession.builder().master("local[2]").appName("library-tour")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start();
             EmbeddedHBase hbase = EmbeddedHBase.start()) {
            String uri = mongo.connectionString();
            MongoSettings settings = loadMongo(uri, folder, spark);
            Dataset<Row> hbaseSessions = loadHBase(hbase, folder, spark);
            CleanTables tables = clean(spark, settings, hbaseSessions);
            Map<Analytic, Dataset<Row>> analytics = analyse(tables);
            Dataset<Row> customerClv = fitClv(analytics);
            writeBack(customerClv, settings, spark);
            draw(analytics, outputFolder);
            recommend(tables, Instant.parse("2025-01-01T00:00:00Z"));
        } finally {
            spark.stop();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Path generate(Path outputFolder) {
        GeneratorSpec spec = GeneratorSpec.scale("tiny")        // tiny | small | full
                .withSeed(42)
                .withUsers(400).withTransactions(4_000).withSessions(4_000)
                .withBehaviour(Behaviour.REALISTIC); // the default; UNIFORM is the original course generator
        GenerationSummary summary = DatasetGenerator.generate(spec, outputFolder,
                (step, done, total) -> log.info("{} {}/{}", step, done, total));
        System.out.println("generated " + summary.transactions() + " transactions, " + summary.sessions()
                + " sessions");
        return outputFolder;
    }

    private static void readAndValidate(Path folder, Path outputFolder) throws Exception {
        BigDecimal paid = BigDecimal.ZERO;
        RecordPosition last = null;
        DatasetFiles files = DatasetFiles.open(folder); // users, products, categories, transactions, sessions_N
        try (RecordStream<Transaction> transactions = files.transactions()) {
            while (transactions.hasNext()) {
                Transaction transaction = transactions.next();
                RecordPosition where = transactions.position();     // file, record index, line, column
                paid = paid.add(transaction.total());
                last = where;
            }
        }
        System.out.println("read transactions up to " + last + ", paid in all " + paid);

        List<Session> loader = new ArrayList<>();
        try (RejectSink rejects = RejectSink.jsonLines(outputFolder.resolve("rejects.jsonl"))) {
            ValidatingDataset dataset = ValidatingDataset.open(folder, rejects);
            try (RecordStream<Session> sessions = dataset.sessions()) {   // accepted sessions only
                sessions.forEachRemaining(loader::add);
            }
            ValidationReport report = dataset.report(); // read = accepted + rejected, per file and total
            System.out.println("accepted " + report.accepted() + " records, rejected " + report.rejected());
        }
        ValidationReport whole = DatasetValidator.validate(folder, RejectSink.DISCARD);   // everything, in one call
        System.out.println("validated " + whole.read() + " records, " + whole.rejected() + " rejected");

        EntityRules sessions = RuleTable.of(EntityType.SESSIONS);
        sessions.field("device_profile.os").vocabulary();     // [iOS, Android, Windows, macOS]
        sessions.field("duration_seconds").bounds();          // between 0 and 86400
        System.out.println("operating systems " + sessions.field("device_profile.os").vocabulary());
    }

    private static MongoSettings loadMongo(String uri, Path folder, SparkSession spark) {
        MongoSettings settings = MongoSettings.of(uri, "ecommerce");        // e.g. mongodb://user:pass@host:27017
        try (MongoStore store = MongoStore.connect(settings)) {
            store.createSchema();                                          // idempotent
            MongoLoadReport report = store.loader(MongoLoadOptions.defaults()).load(folder);
            List<ProductSales> top = store.aggregations().topProductsByRevenue(10);
            System.out.println("mongo loaded " + report.read() + " records; best seller " + top.get(0).productId());
        }
        Dataset<Row> transactions = MongoSparkIo.read(spark, settings, MongoCollectionName.TRANSACTIONS);
        System.out.println("spark read " + transactions.count() + " transactions from MongoDB");
        return settings;
    }

    private static void writeBack(Dataset<Row> customerClv, MongoSettings settings, SparkSession spark) {
        // _id = customer_id, as run writes it: the dashboard reads a customer's values by _id.
        MongoSparkIo.write(customerClv.withColumn("_id", customerClv.col("customer_id")), settings,
                MongoCollectionName.CUSTOMER_CLV);
        System.out.println("mongo customer_clv documents: " + MongoSparkIo.read(spark, settings,
                MongoCollectionName.CUSTOMER_CLV, customerClv.schema()).count());
    }

    private static Dataset<Row> loadHBase(EmbeddedHBase hbase, Path folder, SparkSession spark) {
        HBaseSettings settings = hbase.settings();   // a cluster: HBaseSettings.forZooKeeper("zk1,zk2,zk3:2181")
        try (SessionStore store = SessionStore.connect(settings)) {          // table ecommerce:user_sessions
            store.createTable(folder, 8); // idempotent, pre-split by the dataset's users
            SessionLoadReport report = store.load(folder, RejectSink.DISCARD,
                    store.loadOptions().withMethod(LoadMethod.BULK_LOAD));
            List<StoredSession> sessions = store.sessionsOfUser("user_000042"); // one prefix scan, oldest first
            Dataset<Row> all = store.read(spark);                               // lazy, one partition per region
            System.out.println("hbase loaded " + report.written() + " sessions; user_000042 has " + sessions.size());
            return all;
        }
    }

    private static CleanTables clean(SparkSession spark, MongoSettings settings, Dataset<Row> hbaseSessions) {
        CleanTables tables = new CleanTables(
                Cleaning.users(MongoSparkIo.read(spark, settings, MongoCollectionName.USERS)).kept(),
                Cleaning.products(MongoSparkIo.read(spark, settings, MongoCollectionName.PRODUCTS)).kept(),
                Cleaning.categories(MongoSparkIo.read(spark, settings, MongoCollectionName.CATEGORIES)).kept(),
                Cleaning.transactions(MongoSparkIo.read(spark, settings, MongoCollectionName.TRANSACTIONS)).kept(),
                Cleaning.sessions(Cleaning.nestHBaseSessions(hbaseSessions)).kept());
        return tables;
    }

    private static Map<Analytic, Dataset<Row>> analyse(CleanTables tables) {
        Instant observationEnd = Instant.parse("2025-01-01T00:00:00Z");
        Map<Analytic, Dataset<Row>> analytics = Analytics.all(tables, observationEnd, 5, 60);
        Dataset<Row> revenue = analytics.get(Analytic.REVENUE_BY_CATEGORY); // category_id, category_name, revenue, ...
        System.out.println("categories with revenue: " + revenue.count());
        return analytics;
    }

    private static Dataset<Row> fitClv(Map<Analytic, Dataset<Row>> analytics) {
        Dataset<Row> summaries = analytics.get(Analytic.CUSTOMER_SUMMARY).cache();  // frequency, recency, T, ...
        BgNbdFit purchases = ClvSpark.fitBgNbd(summaries);
        GammaGammaFit spend = ClvSpark.fitGammaGamma(summaries);
        ClvScorer scorer = new ClvScorer(purchases.parameters(), spend.parameters(), ClvTimeUnit.DAYS, 12, 0.01);
        Dataset<Row> customerClv = ClvSpark.score(summaries, scorer);  // + expected_purchases, probability_alive, clv
        System.out.println("BG/NBD r " + purchases.parameters().r() + " over " + purchases.customers()
                + " customers; scored " + customerClv.count());
        return customerClv;
    }

    private static void draw(Map<Analytic, Dataset<Row>> analytics, Path outputDirectory) throws IOException {
        List<CategoryRevenue> categoryRevenue = analytics.get(Analytic.REVENUE_BY_CATEGORY)
                .select("category_id", "category_name", "revenue").collectAsList().stream()
                .map(row -> new CategoryRevenue(row.getString(0), row.getString(1), row.getDecimal(2).doubleValue()))
                .toList();
        ChartInputs inputs = ChartInputs.empty()
                .withCategoryRevenue(categoryRevenue);           // List<CategoryRevenue>
        RenderedChart chart = Charts.render(ChartKind.REVENUE_BY_CATEGORY, inputs, outputDirectory,
                ChartStyle.defaults());
        System.out.println("chart " + chart.file().getFileName() + ": " + chart.takeaway());
    }

    private static void recommend(CleanTables cleanTables, Instant trainedUntil) {
        Dataset<Row> items = cleanTables.transactionItems();                       // spark-transforms
        TrainingData data = new TrainingData(
                ImplicitFeedback.events(cleanTables.pageViews(), cleanTables.sessions(), items),
                ProductCatalogue.from(cleanTables.products(), cleanTables.categories()),
                ProductAffinity.topPairs(items, 5),                                    // the product_affinity analytic
                trainedUntil);
        RecommendationModel model = Recommender.fit(ModelKind.CATEGORY_POPULARITY, data, RecommenderConfig.defaults());
        Dataset<Row> users = cleanTables.users().select("user_id").orderBy("user_id").limit(3);
        Dataset<Row> lists = model.recommend(users, 10);   // user_id, rank, product_id, score, model, reason
        Row first = lists.orderBy("user_id", "rank").first();
        System.out.println("recommended to " + first.getAs("user_id") + ": " + first.getAs("product_id") + " ("
                + first.getAs("reason") + ")");
    }
}
