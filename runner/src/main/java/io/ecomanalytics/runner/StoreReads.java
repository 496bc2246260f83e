package io.ecomanalytics.runner;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.ecomanalytics.hbase.SessionStore;
import io.ecomanalytics.mongo.MongoCollectionName;
import io.ecomanalytics.mongo.MongoSparkIo;
import io.ecomanalytics.transforms.CleanTables;
import io.ecomanalytics.transforms.Cleaned;
import io.ecomanalytics.transforms.Cleaning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Spark reads both stores and cleans what it read: MongoDB's four collections and HBase's sessions table. */
final class StoreReads {
    private static final Logger LOG = LoggerFactory.getLogger(StoreReads.class);
    private static final String SESSIONS = "sessions";
    private static final String KEPT = "kept";
    private static final String REJECTED = "rejected";
    private static final List<String> ENTITIES = List.of("users", "products", "categories", "transactions",
            SESSIONS);
    /**
     * The order the reads start in, largest first: each driver thread reads and then cleans one entity, so the
     * largest must not wait for a thread behind the small ones.
     */
    private static final List<String> MONGO_READ_ORDER = List.of("transactions", "users", "products", "categories");
    private static final List<String> READ_ORDER = List.of("transactions", SESSIONS, "users", "products",
            "categories");

    private StoreReads() {
    }

    /**
     * The cleaned tables, materialised because every analytic reads them, with the cleaning's rejects (entity, reason
     * and the record as JSON) and the counts of each entity.
     */
    record StoreTables(CleanTables clean, Dataset<Row> rejected, Map<String, CleaningCounts> counts) {
    }

    /** One entity's cleaning: {@code read = kept + rejected}. */
    record CleaningCounts(long read, long kept, long rejected) {
    }

    static StoreTables read(SparkSession spark, Stores stores, StageTimer stages) {
        return read(spark, stores, stages, Optional.empty());
    }

    /**
     * Reads and cleans MongoDB's four collections, each materialised with the lineage cut, side by side. The
     * pipeline starts this while HBase is still loading, since MongoDB is complete by then.
     */
    static CompletableFuture<Map<String, CleanedCounts>> readMongoInBackground(SparkSession spark, Stores stores) {
        return Completion.onNewThread("spark-read-mongodb", () -> readAndClean(spark, stores, MONGO_READ_ORDER));
    }

    /**
     * Reads and cleans both stores, or only HBase when MongoDB is read already ({@link #readMongoInBackground}): the
     * sessions are then read while that read may still be under way.
     *
     * @throws RuntimeException what reading MongoDB in the background threw, unchanged
     */
    static StoreTables read(SparkSession spark, Stores stores, StageTimer stages,
            Optional<CompletableFuture<Map<String, CleanedCounts>>> mongoReadEarlier) {
        stages.start("spark-read");
        // Each store is read once: the raw rows are materialised with their lineage cut, and cleaning, its rejects
        // and every analytic work from that copy instead of going back to MongoDB or HBase. The entities are
        // independent: each is cleaned as soon as it is read, side by side with the others.
        Map<String, CleanedCounts> cleaned = new LinkedHashMap<>();
        if (mongoReadEarlier.isPresent()) {
            Map<String, CleanedCounts> sessions;
            try {
                sessions = readAndClean(spark, stores, List.of(SESSIONS));
            } catch (RuntimeException e) {
                // No Spark job may outlive the command's session.
                mongoReadEarlier.get().exceptionally(failure -> null).join();
                throw e;
            }
            cleaned.putAll(Completion.join(mongoReadEarlier.get()));
            cleaned.putAll(sessions);
        } else {
            cleaned.putAll(readAndClean(spark, stores, READ_ORDER));
        }

        Map<String, CleaningCounts> counts = new LinkedHashMap<>();
        long read = 0;
        long kept = 0;
        long rejected = 0;
        Dataset<Row> rejects = null;
        for (String entity : ENTITIES) {
            CleanedCounts result = cleaned.get(entity);
            counts.put(entity, new CleaningCounts(result.read(), result.kept(), result.rejected()));
            read += result.read();
            kept += result.kept();
            rejected += result.rejected();
            Dataset<Row> described = result.cleaned().rejected().selectExpr("'" + entity + "' AS entity",
                    Cleaned.REJECT_REASON, "to_json(struct(*)) AS record");
            rejects = rejects == null ? described : rejects.unionByName(described);
        }
        CleanTables clean = new CleanTables(cleaned.get("users").cleaned().kept(),
                cleaned.get("products").cleaned().kept(), cleaned.get("categories").cleaned().kept(),
                cleaned.get("transactions").cleaned().kept(), cleaned.get("sessions").cleaned().kept());
        stages.end(read, kept, rejected);
        return new StoreTables(clean, rejects, counts);
    }

    /** One entity's cleaning, materialised, with the counts that prove nothing was lost. */
    record CleanedCounts(Cleaned cleaned, long read, long kept, long rejected) {
    }

    private static Map<String, CleanedCounts> readAndClean(SparkSession spark, Stores stores, List<String> entities) {
        return ConcurrentJobs.each(entities, entity -> {
            long start = System.nanoTime();
            CountedRows rows = CountedRows.checkpoint(readStore(spark, stores, entity), entity + "-read");
            LOG.info("Read the {} in {} ms", entity, (System.nanoTime() - start) / 1_000_000);
            return clean(entity, rows);
        });
    }

    private static Dataset<Row> readStore(SparkSession spark, Stores stores, String entity) {
        return switch (entity) {
            case "users" -> MongoSparkIo.read(spark, stores.mongo(), MongoCollectionName.USERS);
            case "products" -> MongoSparkIo.read(spark, stores.mongo(), MongoCollectionName.PRODUCTS);
            case "categories" -> MongoSparkIo.read(spark, stores.mongo(), MongoCollectionName.CATEGORIES);
            case "transactions" -> MongoSparkIo.read(spark, stores.mongo(), MongoCollectionName.TRANSACTIONS);
            case SESSIONS -> Cleaning.nestHBaseSessions(readSessions(spark, stores));
            default -> throw new IllegalArgumentException("No store holds " + entity);
        };
    }

    /** The dataset is lazy: its scans open connections of their own, so the store may close at once. */
    private static Dataset<Row> readSessions(SparkSession spark, Stores stores) {
        try (SessionStore store = SessionStore.connect(stores.hbase(), stores.hbaseTable())) {
            return store.read(spark);
        }
    }

    private static CleanedCounts clean(String entity, CountedRows raw) {
        long start = System.nanoTime();
        Cleaned cleaned = switch (entity) {
            case "users" -> Cleaning.users(raw.rows());
            case "products" -> Cleaning.products(raw.rows());
            case "categories" -> Cleaning.categories(raw.rows());
            case "transactions" -> Cleaning.transactions(raw.rows());
            case SESSIONS -> Cleaning.sessions(raw.rows());
            default -> throw new IllegalArgumentException("No cleaning for " + entity);
        };
        // The decided rows are materialised once with the lineage cut: the kept and rejected rows are both read
        // from that copy, and the cleaning plans are large enough that re-analysing them for each analytic costs
        // more than the work itself. Both counts are observed while materialising, instead of costing a job each.
        Observation verdicts = new Observation(entity + "-cleaning");
        Dataset<Row> decided = cleaned.decided().observe(verdicts,
                count(when(col(Cleaned.REJECT_REASON).isNull(), lit(1))).as(KEPT),
                count(when(col(Cleaned.REJECT_REASON).isNotNull(), lit(1))).as(REJECTED))
                .localCheckpoint();
        long readCount = raw.count();
        long keptCount = CountedRows.metric(verdicts, KEPT);
        long rejectedCount = CountedRows.metric(verdicts, REJECTED);
        if (readCount != keptCount + rejectedCount) {
            throw new IllegalStateException("Cleaning the " + entity + " lost rows: read " + readCount + ", kept "
                    + keptCount + ", rejected " + rejectedCount + ". This is a bug in spark-transforms' Cleaning;"
                    + " please report it with the dataset.");
        }
        LOG.info("Cleaned the {} in {} ms", entity, (System.nanoTime() - start) / 1_000_000);
        return new CleanedCounts(new Cleaned(decided), readCount, keptCount, rejectedCount);
    }
}
