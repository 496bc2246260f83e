package io.ecomanalytics.runner;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.ecomanalytics.clv.AgreementMeasures;
import io.ecomanalytics.clv.BgNbdFit;
import io.ecomanalytics.clv.BgNbdParameters;
import io.ecomanalytics.clv.CalibrationHoldoutSummary;
import io.ecomanalytics.clv.ClvScorer;
import io.ecomanalytics.clv.ClvSpark;
import io.ecomanalytics.clv.ClvTimeUnit;
import io.ecomanalytics.clv.CustomerValueSpark;
import io.ecomanalytics.clv.GammaGammaFit;
import io.ecomanalytics.clv.GammaGammaParameters;
import io.ecomanalytics.clv.HoldoutValidation;
import io.ecomanalytics.clv.LabelPair;
import io.ecomanalytics.clv.ParameterComparison;
import io.ecomanalytics.clv.PurchaseGrouping;
import io.ecomanalytics.clv.ScoredCase;
import io.ecomanalytics.clv.SegmentationResult;
import io.ecomanalytics.data.DatasetGenerator;
import io.ecomanalytics.data.DatasetValidator;
import io.ecomanalytics.data.GenerationSummary;
import io.ecomanalytics.data.GroundTruth;
import io.ecomanalytics.data.PlantedCustomer;
import io.ecomanalytics.data.PlantedParameters;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.ValidationReport;
import io.ecomanalytics.hbase.SessionLoadReport;
import io.ecomanalytics.mongo.MongoCollectionName;
import io.ecomanalytics.mongo.MongoLoadReport;
import io.ecomanalytics.mongo.MongoSparkIo;
import io.ecomanalytics.transforms.Analytic;
import io.ecomanalytics.transforms.Analytics;
import io.ecomanalytics.transforms.CleanTables;
import io.ecomanalytics.transforms.CustomerSummaryTable;
import io.ecomanalytics.transforms.SummaryPeriod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline: dataset -> validation -> MongoDB and HBase -> Spark reads both stores -> cleaning and analytics
 * -> CLV -> results, charts and report. Every stage is a call into the module that owns it; this class only wires
 * them, times them and keeps the counts.
 */
final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    static final String REJECTS_FILE = "rejects.jsonl";
    static final String SPARK_REJECTS = "spark_rejects";
    static final String CUSTOMER_CLV = "customer_clv";

    private final PipelineSettings settings;
    private final Stores stores;
    private final Supplier<SparkSession> spark;
    private final StageTimer stages = new StageTimer();

    /** @param spark the session, which {@link #run} waits for only once it needs it ({@link StartingSpark}) */
    Pipeline(PipelineSettings settings, Stores stores, Supplier<SparkSession> spark) {
        this.settings = settings;
        this.stores = stores;
        this.spark = spark;
    }

    /** Runs every stage into a staging folder and swaps it in for the output folder when all succeeded. */
    RunSummary run() {
        CompilerHint.beforeRun(settings);
        OutputFolder output = OutputFolder.prepare(settings.out(), hadoopConfiguration());
        Path generated = null;
        try {
            Path dataset;
            if (settings.data().isPresent()) {
                dataset = settings.data().get();
            } else {
                generated = Files.createTempDirectory("ecom-dataset-");
                dataset = generate(generated);
            }
            ValidationReport validation = validate(dataset, output.driverFiles().resolve(REJECTS_FILE));
            Optional<MongoLoadReport> mongoReport = StoreLoads.loadMongo(stores, dataset,
                    settings.mongoLoadOptions(), stages);
            ExpressionEvaluation.chooseFor(spark.get(), dataset);
            // MongoDB is complete: Spark reads and cleans it while the sessions load into HBase.
            CompletableFuture<Map<String, StoreReads.CleanedCounts>> mongoRead =
                    StoreReads.readMongoInBackground(spark.get(), stores);
            Optional<SessionLoadReport> hbaseReport;
            try {
                hbaseReport = StoreLoads.loadHBase(stores, settings.hbaseRegions(), dataset,
                        settings.hbaseLoadOptions(stores.hbaseTable()), stages);
            } catch (RuntimeException e) {
                // No Spark job may outlive the command's session.
                mongoRead.exceptionally(failure -> null).join();
                throw e;
            }
            return analyzeInto(output, new Loads(Optional.of(validation), mongoReport, hbaseReport),
                    Optional.of(mongoRead), GroundTruth.read(dataset));
        } catch (IOException e) {
            output.abandon();
            throw new UncheckedIOException("Cannot create a folder for the generated dataset: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            output.abandon();
            throw e;
        } finally {
            if (generated != null) {
                deleteQuietly(generated);
            }
        }
    }

    /** The Spark part only, against stores that already hold a dataset. */
    RunSummary analyze() {
        OutputFolder output = OutputFolder.prepare(settings.out(), hadoopConfiguration());
        try {
            return analyzeInto(output, new Loads(Optional.empty(), Optional.empty(), Optional.empty()),
                    Optional.empty(), Optional.empty());
        } catch (RuntimeException e) {
            output.abandon();
            throw e;
        }
    }

    /** What the loading stages reported; empty when the stores were loaded earlier (by another command or run). */
    record Loads(Optional<ValidationReport> validation, Optional<MongoLoadReport> mongo,
            Optional<SessionLoadReport> hbase) {
    }

    /** The fitted models and the per-customer table (predictions joined to spend and engagement). */
    record ClvResult(BgNbdFit purchaseFit, GammaGammaFit spendFit, Instant observationEnd, Dataset<Row> customers) {
    }

    private RunSummary analyzeInto(OutputFolder output, Loads loads,
            Optional<CompletableFuture<Map<String, StoreReads.CleanedCounts>>> mongoReadEarlier,
            Optional<GroundTruth> truth) {
        StoreReads.StoreTables tables = StoreReads.read(spark.get(), stores, stages, mongoReadEarlier);
        stages.start("transform");
        // Four analytics and the report read the transaction items: they are exploded and joined once.
        CountedRows items = CountedRows.checkpoint(tables.clean().transactionItems(), "transaction-items");
        Instant observationEnd = observationEnd(tables.clean());
        stages.end(tables.counts().get("transactions").kept(), items.count(), 0);
        Map<Analytic, Dataset<Row>> analytics = Analytics.all(tables.clean(), items.rows(), observationEnd,
                AnalyticParameters.AFFINITY_PAIRS_PER_PRODUCT, AnalyticParameters.DURATION_BUCKET_SECONDS);
        ClvResult clv = scoreCustomers(analytics, observationEnd);
        // Every result table, under the name its Parquet and CSV folders take.
        Map<String, Dataset<Row>> results = new LinkedHashMap<>();
        analytics.forEach((analytic, rows) -> results.put(analytic.tableName(), rows));
        results.put(CUSTOMER_CLV, clv.customers());
        ModelChecks checks = checkModels(tables.clean(), clv, truth);
        Optional<SegmentationResult> segments = SegmentationStage.run(spark.get(), results, analytics, tables.clean(),
                observationEnd, truth, stages);
        RecommendationStage.Result recommendations = RecommendationStage.run(spark.get(), tables.clean(),
                items.rows(), analytics.get(Analytic.PRODUCT_AFFINITY), observationEnd, truth, stages);
        results.put(RecommendationStage.RECOMMENDATIONS, recommendations.lists());
        results.put(RecommendationStage.METRICS, recommendations.metricsTable(spark.get()));
        Map<String, String> outputs = writeResults(results, tables.rejected(), output);
        List<Path> charts = ReportStage.write(spark.get(), analytics, clv, checks, segments, recommendations,
                settings, output.driverFiles(), stages);
        RunSummary summary = new RunSummary(settings, stores.describe(), Instant.now(), stages.records(), loads,
                tables.counts(), clv, checks, outputs, charts, segments, recommendations);
        summary.write(output.driverFiles().resolve(RunSummary.FILE));
        output.commit();
        return summary;
    }

    /**
     * A local results folder needs no Spark, so the run need not wait for the session to start; any other takes the
     * session's Hadoop configuration, where {@code spark.hadoop.*} settings apply.
     */
    private Configuration hadoopConfiguration() {
        return OutputFolder.isLocal(settings.out()) ? new Configuration()
                : spark.get().sparkContext().hadoopConfiguration();
    }

    private Path generate(Path folder) {
        stages.start("generate");
        GenerationSummary summary = DatasetGenerator.generate(settings.generatorSpec(), folder,
                new ProgressLog("generate"));
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

    /** The CLV observation window ends at the latest transaction. */
    private static Instant observationEnd(CleanTables tables) {
        Timestamp latest = tables.transactions().agg(max(col("timestamp"))).first().getTimestamp(0);
        if (latest == null) {
            throw new IllegalStateException("No transaction reached the analysis: MongoDB's transactions collection"
                    + " is empty after cleaning, so there is nothing to analyse. Check the load report and the"
                    + " rejects.");
        }
        return latest.toInstant();
    }

    private ClvResult scoreCustomers(Map<Analytic, Dataset<Row>> analytics, Instant observationEnd) {
        stages.start("clv");
        Dataset<Row> summaries = analytics.get(Analytic.CUSTOMER_SUMMARY).localCheckpoint();
        BgNbdFit purchaseFit = ClvSpark.fitBgNbd(summaries);
        GammaGammaFit spendFit = ClvSpark.fitGammaGamma(summaries);
        ClvScorer scorer = new ClvScorer(purchaseFit.parameters(), spendFit.parameters(), ClvTimeUnit.DAYS,
                settings.horizonMonths(), settings.monthlyDiscountRate());
        Dataset<Row> customers = CustomerValueSpark.customerTable(ClvSpark.score(summaries, scorer),
                analytics.get(Analytic.CUSTOMER_SPEND), analytics.get(Analytic.SESSION_ENGAGEMENT),
                settings.engagementWeights())
                .localCheckpoint();
        long scored = customers.count();
        stages.end(purchaseFit.customers(), scored, 0);
        return new ClvResult(purchaseFit, spendFit, observationEnd, customers);
    }

    /**
     * The holdout check (the models fitted again on the calibration period only) and, for a generated dataset, the
     * whole-period models scored against its planted truth.
     */
    private ModelChecks checkModels(CleanTables tables, ClvResult clv, Optional<GroundTruth> truth) {
        stages.start("clv-checks");
        Timestamp first = tables.transactions().agg(min(col("timestamp"))).first().getTimestamp(0);
        LocalDate holdoutEnd = LocalDate.ofInstant(clv.observationEnd(), ZoneOffset.UTC);
        long periodDays = ChronoUnit.DAYS.between(LocalDate.ofInstant(first.toInstant(), ZoneOffset.UTC),
                holdoutEnd);
        long holdoutDays = Math.max(1, Math.round(settings.holdoutShare() * periodDays));
        LocalDate calibrationEnd = holdoutEnd.minusDays(holdoutDays);
        // The calibration period takes the whole of its last day.
        Instant calibrationCut = calibrationEnd.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1_000);
        List<CalibrationHoldoutSummary> customers = ClvSpark.calibrationHoldoutSummaries(
                CustomerSummaryTable.forClv(tables.transactions(), calibrationCut, SummaryPeriod.DAYS,
                        PurchaseGrouping.EXACT_TIME),
                CustomerSummaryTable.forHoldout(tables.transactions(), calibrationCut, clv.observationEnd(),
                        PurchaseGrouping.EXACT_TIME),
                holdoutDays);
        HoldoutValidation holdout = HoldoutValidation.of(customers);
        Optional<TruthScores> scores = truth.map(planted -> scoreAgainstTruth(planted, clv));
        stages.end(customers.size(), holdout.customers() + scores.map(TruthScores::scoredCustomers).orElse(0L), 0);
        return new ModelChecks(calibrationEnd, holdoutEnd, holdout, scores);
    }

    /**
     * P(alive) against planted churn (a churned customer should score low), RFM segments against planted segments,
     * and the whole-period fits against the planted parameters, converted to the fit's unit (days).
     */
    private static TruthScores scoreAgainstTruth(GroundTruth truth, ClvResult clv) {
        Map<String, PlantedCustomer> planted = new HashMap<>();
        truth.customers().forEach(customer -> planted.put(customer.userId(), customer));
        List<ScoredCase> churn = new ArrayList<>();
        List<LabelPair> segments = new ArrayList<>();
        for (Row row : clv.customers().select("customer_id", "probability_alive", "segment").collectAsList()) {
            PlantedCustomer customer = planted.get(row.getString(0));
            if (customer != null) {
                churn.add(new ScoredCase(1 - row.getDouble(1), customer.churnedBy(clv.observationEnd())));
                segments.add(new LabelPair(row.getString(2), customer.segment().jsonName()));
            }
        }
        long churned = churn.stream().filter(ScoredCase::positive).count();
        double areaUnderCurve = churned == 0 || churned == churn.size() ? Double.NaN
                : AgreementMeasures.areaUnderCurve(churn);
        PlantedParameters parameters = truth.parameters();
        ClvTimeUnit plantedUnit = ClvTimeUnit.valueOf(truth.timeUnit().toUpperCase(Locale.ROOT));
        List<ParameterComparison> comparisons = new ArrayList<>(ParameterComparison.of(
                new BgNbdParameters(parameters.r(), parameters.alpha(), parameters.a(), parameters.b())
                        .inUnit(plantedUnit, ClvTimeUnit.DAYS), clv.purchaseFit()));
        comparisons.addAll(ParameterComparison.of(
                new GammaGammaParameters(parameters.p(), parameters.q(), parameters.gamma()), clv.spendFit()));
        return new TruthScores(comparisons, areaUnderCurve, churned, churn.size(),
                segments.isEmpty() ? Double.NaN : AgreementMeasures.adjustedRandIndex(segments));
    }

    private Map<String, String> writeResults(Map<String, Dataset<Row>> results, Dataset<Row> rejects,
            OutputFolder output) {
        stages.start("write-results");
        Map<String, Dataset<Row>> all = new LinkedHashMap<>(results);
        all.put(SPARK_REJECTS, rejects);
        String clvCollection = CUSTOMER_CLV + " (MongoDB)";
        String recommendationsCollection = RecommendationStage.RECOMMENDATIONS + " (MongoDB)";
        // Every write is independent: the two MongoDB collections, the longest, start first, and the files beside
        // them.
        Map<String, Supplier<String>> writes = new LinkedHashMap<>();
        // _id is the customer id, the natural id as in every other collection: one indexed lookup per customer.
        writes.put(clvCollection, () -> writeMongo(results.get(CUSTOMER_CLV).withColumn("_id", col("customer_id")),
                MongoCollectionName.CUSTOMER_CLV));
        writes.put(recommendationsCollection, () -> writeMongo(
                RecommendationStage.documents(results.get(RecommendationStage.RECOMMENDATIONS)),
                MongoCollectionName.RECOMMENDATIONS));
        all.forEach((name, rows) -> writes.put(name, () -> writeFiles(name, rows, output)));
        Map<String, String> written = ConcurrentJobs.each(new ArrayList<>(writes.keySet()),
                name -> writes.get(name).get());
        Map<String, String> outputs = new LinkedHashMap<>();
        all.keySet().forEach(name -> outputs.put(name, written.get(name)));
        outputs.put(clvCollection, written.get(clvCollection));
        outputs.put(recommendationsCollection, written.get(recommendationsCollection));
        stages.end(all.size(), all.size() * 2L + 2, 0);
        return outputs;
    }

    /** One result as Parquet and as one CSV file; returns where they went. */
    private String writeFiles(String name, Dataset<Row> rows, OutputFolder output) {
        long start = System.nanoTime();
        String parquet = "parquet/" + name;
        String csv = "csv/" + name;
        rows.write().mode(SaveMode.ErrorIfExists).parquet(output.sparkPath(parquet));
        long parquetDone = System.nanoTime();
        // Analytics are small aggregates: one CSV file each reads best in a spreadsheet. Reading the Parquet back
        // keeps the work of computing the analytic from being done twice; its schema is known, which spares the job
        // that would read it from the files' footers.
        CsvColumns.flatten(spark.get().read().schema(rows.schema()).parquet(output.sparkPath(parquet))).coalesce(1)
                .write().mode(SaveMode.ErrorIfExists).option("header", "true").csv(output.sparkPath(csv));
        LOG.info("Wrote {}: Parquet in {} ms, CSV in {} ms", name, (parquetDone - start) / 1_000_000,
                (System.nanoTime() - parquetDone) / 1_000_000);
        return parquet + " | " + csv;
    }

    /** One result into a MongoDB collection; returns its full name. */
    private String writeMongo(Dataset<Row> documents, MongoCollectionName collection) {
        MongoSparkIo.write(documents, stores.mongo(), collection);
        return stores.mongo().database() + "." + collection.collectionName();
    }

    private static void deleteQuietly(Path folder) {
        try {
            OutputFolder.deleteRecursively(folder);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", folder, e.getMessage());
        }
    }
}
