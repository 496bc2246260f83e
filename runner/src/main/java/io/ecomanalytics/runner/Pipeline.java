package io.ecomanalytics.runner;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.ecomanalytics.clv.BgNbdFit;
import io.ecomanalytics.clv.ClvScorer;
import io.ecomanalytics.clv.ClvSpark;
import io.ecomanalytics.clv.GammaGammaFit;
import io.ecomanalytics.clv.TimeUnit;
import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.DatasetValidator;
import io.ecomanalytics.data.GenerationSummary;
import io.ecomanalytics.data.GeneratorSpec;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.ValidationReport;
import io.ecomanalytics.hbase.SessionLoader;
import io.ecomanalytics.hbase.SessionSparkReader;
import io.ecomanalytics.hbase.SessionTable;
import io.ecomanalytics.hbase.SessionTableSpec;
import io.ecomanalytics.hbase.SparkReadOptions;
import io.ecomanalytics.mongo.MongoCollectionName;
import io.ecomanalytics.mongo.MongoSparkIo;
import io.ecomanalytics.mongo.MongoStore;
import io.ecomanalytics.transforms.CleanTables;
import io.ecomanalytics.transforms.Cleaned;
import io.ecomanalytics.transforms.Cleaning;
import io.ecomanalytics.transforms.CustomerSummary;
import io.ecomanalytics.transforms.SummaryPeriod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The whole pipeline: dataset -> validation -> MongoDB and HBase -> Spark reads both stores -> cleaning and analytics
 * -> CLV -> results, charts and report. Every stage is a call into the module that owns it; this class only wires
 * them, times them and keeps the counts.
 */
final class Pipeline {
    static final String REJECTS_FILE = "rejects.jsonl";
    static final String SPARK_REJECTS = "spark_rejects";
    static final String CUSTOMER_CLV = "customer_clv";

    private final PipelineSettings settings;
    private final Stores stores;
    private final SparkSession spark;
    private final StageTimer stages = new StageTimer();

    Pipeline(PipelineSettings settings, Stores stores, SparkSession spark) {
        this.settings = settings;
        this.stores = stores;
        this.spark = spark;
    }

    /** Runs every stage into a staging folder and swaps it in for the output folder when all succeeded. */
    RunSummary run() {
        OutputFolder output = OutputFolder.prepare(settings.out());
        Path generated = null;
        try {
            Path dataset;
            if (settings.data().isPresent()) {
                dataset = settings.data().get();
            } else {
                generated = Files.createTempDirectory("ecom-dataset-");
                dataset = generate(generated);
            }
            Path staging = output.staging();
            ValidationReport validation = validate(dataset, staging.resolve(REJECTS_FILE));
            io.ecomanalytics.mongo.LoadReport mongoReport = loadMongo(dataset);
            io.ecomanalytics.hbase.LoadReport hbaseReport = loadHBase(dataset);
            StoreTables tables = readStores();
            Map<String, Dataset<Row>> analytics = Analytics.of(tables.clean(), tables.transactionItems());
            ClvResult clv = scoreCustomers(tables.clean(), analytics);
            analytics.put(CUSTOMER_CLV, clv.customers());
            Map<String, String> outputs = writeResults(analytics, tables.rejected(), staging);
            List<Path> charts = ReportStage.write(spark, analytics, clv, settings, staging, stages);
            RunSummary summary = new RunSummary(settings, stores.describe(), Instant.now(), stages.records(),
                    validation, mongoReport, hbaseReport, tables.counts(), clv, outputs, charts);
            summary.write(staging.resolve(RunSummary.FILE));
            output.commit();
            return summary;
        } catch (IOException e) {
            output.abandon();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            output.abandon();
            throw e;
        } finally {
            if (generated != null) {
                deleteQuietly(generated);
            }
        }
    }

    private Path generate(Path folder) {
        GeneratorSpec spec = settings.generatorSpec();
        stages.start("generate");
        GenerationSummary summary = DatasetGenerator.generate(spec, folder, new ProgressLog("generate"));
        long records = summary.users() + summary.products() + summary.categories() + summary.transactions()
                + summary.sessions();
        stages.end(0, records, 0);
        return folder;
    }

    private ValidationReport validate(Path dataset, Path rejectsFile) {
        stages.start("validate");
        ValidationReport report;
        try (RejectSink sink = RejectSink.jsonLines(rejectsFile)) {
            report = DatasetValidator.validate(dataset, sink);
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Cannot write the rejects to " + rejectsFile + ": " + e.getMessage(), e);
        }
        stages.end(report.read(), report.accepted(), report.rejected());
        return report;
    }

    private io.ecomanalytics.mongo.LoadReport loadMongo(Path dataset) {
        stages.start("load-mongo");
        try (MongoStore store = MongoStore.connect(stores.mongo())) {
            store.createSchema();
            io.ecomanalytics.mongo.LoadReport report = store.loader(settings.mongoLoadOptions()).load(dataset);
            stages.end(report.read(), report.inserted() + report.updated() + report.unchanged(), report.rejected());
            return report;
        }
    }

    private io.ecomanalytics.hbase.LoadReport loadHBase(Path dataset) {
        stages.start("load-hbase");
        try (Connection connection = stores.hbase().connect(); Admin admin = connection.getAdmin()) {
            SessionTable.create(admin, SessionTableSpec.forDataset(stores.hbaseTable(), dataset,
                    settings.hbaseRegions()));
            io.ecomanalytics.hbase.LoadReport report = SessionLoader.loadDataset(connection, dataset,
                    settings.hbaseLoadOptions(stores.hbaseTable()));
            stages.end(report.read(), report.written(), report.rejected());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the sessions into HBase at "
                    + stores.hbase().zooKeeperAddress() + ": " + e.getMessage(), e);
        }
    }

    /** The cleaned tables read from both stores, cached: every analytic reads them. */
    record StoreTables(CleanTables clean, Dataset<Row> transactionItems, Dataset<Row> rejected,
            Map<String, long[]> counts) {
    }

    private StoreTables readStores() {
        stages.start("spark-read");
        Map<String, Cleaned> cleaned = new LinkedHashMap<>();
        cleaned.put("users", Cleaning.users(MongoSparkIo.read(spark, stores.mongo(), MongoCollectionName.USERS)));
        cleaned.put("products",
                Cleaning.products(MongoSparkIo.read(spark, stores.mongo(), MongoCollectionName.PRODUCTS)));
        cleaned.put("categories",
                Cleaning.categories(MongoSparkIo.read(spark, stores.mongo(), MongoCollectionName.CATEGORIES)));
        cleaned.put("transactions",
                Cleaning.transactions(MongoSparkIo.read(spark, stores.mongo(), MongoCollectionName.TRANSACTIONS)));
        cleaned.put("sessions", Cleaning.sessions(Cleaning.nestHBaseSessions(
                SessionSparkReader.read(spark, stores.hbase(), SparkReadOptions.allSessions(stores.hbaseTable())))));

        Map<String, long[]> counts = new LinkedHashMap<>();
        long read = 0;
        long kept = 0;
        long rejected = 0;
        Dataset<Row> rejects = null;
        for (Map.Entry<String, Cleaned> entry : cleaned.entrySet()) {
            Dataset<Row> keptRows = entry.getValue().kept().persist(StorageLevel.MEMORY_AND_DISK());
            long keptCount = keptRows.count();
            Dataset<Row> rejectedRows = entry.getValue().rejected();
            long rejectedCount = rejectedRows.count();
            counts.put(entry.getKey(), new long[] {keptCount + rejectedCount, keptCount, rejectedCount});
            read += keptCount + rejectedCount;
            kept += keptCount;
            rejected += rejectedCount;
            Dataset<Row> described = rejectedRows.selectExpr("'" + entry.getKey() + "' AS entity",
                    Cleaned.REJECT_REASON, "to_json(struct(*)) AS record");
            rejects = rejects == null ? described : rejects.unionByName(described);
        }
        CleanTables clean = new CleanTables(cleaned.get("users").kept(), cleaned.get("products").kept(),
                cleaned.get("categories").kept(), cleaned.get("transactions").kept(), cleaned.get("sessions").kept());
        Dataset<Row> items = clean.transactionItems().persist(StorageLevel.MEMORY_AND_DISK());
        stages.end(read, kept, rejected);
        return new StoreTables(clean, items, rejects, counts);
    }

    /** The fitted models and the per-customer table (predictions joined to spend and engagement). */
    record ClvResult(BgNbdFit purchaseFit, GammaGammaFit spendFit, Instant observationEnd, Dataset<Row> customers) {
    }

    private ClvResult scoreCustomers(CleanTables tables, Map<String, Dataset<Row>> analytics) {
        stages.start("clv");
        Timestamp latest = tables.transactions().agg(max(col("timestamp"))).first().getTimestamp(0);
        if (latest == null) {
            throw new IllegalStateException("No transaction reached the CLV stage: MongoDB's transactions collection"
                    + " is empty after cleaning, so there is nothing to fit. Check the load report and rejects.");
        }
        Instant observationEnd = latest.toInstant();
        Dataset<Row> summaries = CustomerSummary.forClv(tables.transactions(), observationEnd, SummaryPeriod.DAYS)
                .persist(StorageLevel.MEMORY_AND_DISK());
        BgNbdFit purchaseFit = ClvSpark.fitBgNbd(summaries);
        GammaGammaFit spendFit = ClvSpark.fitGammaGamma(summaries);
        ClvScorer scorer = new ClvScorer(purchaseFit.parameters(), spendFit.parameters(), TimeUnit.DAYS,
                settings.horizonMonths(), settings.monthlyDiscountRate());
        Dataset<Row> predictions = ClvSpark.score(summaries, scorer);
        Dataset<Row> customers = CustomerValue.table(predictions, analytics.get(Analytics.CUSTOMER_SPEND),
                analytics.get(Analytics.SESSION_ENGAGEMENT), settings.engagementWeights())
                .persist(StorageLevel.MEMORY_AND_DISK());
        long scored = customers.count();
        stages.end(summaries.count(), scored, 0);
        return new ClvResult(purchaseFit, spendFit, observationEnd, customers);
    }

    private Map<String, String> writeResults(Map<String, Dataset<Row>> analytics, Dataset<Row> rejects, Path staging) {
        stages.start("write-results");
        Map<String, String> outputs = new LinkedHashMap<>();
        long rows = 0;
        List<Map.Entry<String, Dataset<Row>>> all = new ArrayList<>(analytics.entrySet());
        all.add(Map.entry(SPARK_REJECTS, rejects));
        for (Map.Entry<String, Dataset<Row>> entry : all) {
            Dataset<Row> table = entry.getValue();
            Path parquet = staging.resolve("parquet").resolve(entry.getKey());
            Path csv = staging.resolve("csv").resolve(entry.getKey());
            table.write().mode(SaveMode.ErrorIfExists).parquet(parquet.toUri().toString());
            // Analytics are small aggregates: one CSV file each reads best in a spreadsheet.
            CsvColumns.flatten(table).coalesce(1).write().mode(SaveMode.ErrorIfExists).option("header", "true")
                    .csv(csv.toUri().toString());
            outputs.put(entry.getKey(), staging.relativize(parquet) + " | " + staging.relativize(csv));
            rows += spark.read().parquet(parquet.toUri().toString()).count();
        }
        MongoSparkIo.write(analytics.get(CUSTOMER_CLV), stores.mongo(), MongoCollectionName.CUSTOMER_CLV);
        outputs.put(CUSTOMER_CLV + " (MongoDB)", stores.mongo().database() + "."
                + MongoCollectionName.CUSTOMER_CLV.collectionName());
        stages.end(rows, rows, 0);
        return outputs;
    }

    private static void deleteQuietly(Path folder) {
        try {
            OutputFolder.deleteRecursively(folder);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Pipeline.class).warn("Cannot delete {}: {}", folder, e.getMessage());
        }
    }

}
