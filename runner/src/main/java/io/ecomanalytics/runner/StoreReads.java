package io.ecomanalytics.runner;

import io.ecomanalytics.hbase.SessionSparkReader;
import io.ecomanalytics.hbase.SparkReadOptions;
import io.ecomanalytics.mongo.MongoCollectionName;
import io.ecomanalytics.mongo.MongoSparkIo;
import io.ecomanalytics.transforms.CleanTables;
import io.ecomanalytics.transforms.Cleaned;
import io.ecomanalytics.transforms.Cleaning;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Spark reads both stores and cleans what it read: MongoDB's four collections and HBase's sessions table. */
final class StoreReads {
    private StoreReads() {
    }

    /**
     * The cleaned tables, materialised because every analytic reads them, with the cleaning's rejects (entity, reason and
     * the record as JSON) and per-entity counts {read, kept, rejected}.
     */
    record StoreTables(CleanTables clean, Dataset<Row> rejected,
            Map<String, long[]> counts) {
    }

    static StoreTables read(SparkSession spark, Stores stores, StageTimer stages) {
        stages.start("spark-read");
        // Each store is read once: the raw rows are materialised with their lineage cut, and cleaning, its rejects
        // and every analytic work from that copy instead of going back to MongoDB or HBase.
        Map<String, Dataset<Row>> raw = new LinkedHashMap<>();
        raw.put("users", MongoSparkIo.read(spark, stores.mongo(), MongoCollectionName.USERS).localCheckpoint());
        raw.put("products", MongoSparkIo.read(spark, stores.mongo(), MongoCollectionName.PRODUCTS).localCheckpoint());
        raw.put("categories",
                MongoSparkIo.read(spark, stores.mongo(), MongoCollectionName.CATEGORIES).localCheckpoint());
        raw.put("transactions",
                MongoSparkIo.read(spark, stores.mongo(), MongoCollectionName.TRANSACTIONS).localCheckpoint());
        raw.put("sessions", Cleaning.nestHBaseSessions(SessionSparkReader.read(spark, stores.hbase(),
                SparkReadOptions.allSessions(stores.hbaseTable()))).localCheckpoint());
        Map<String, Cleaned> cleaned = new LinkedHashMap<>();
        cleaned.put("users", Cleaning.users(raw.get("users")));
        cleaned.put("products", Cleaning.products(raw.get("products")));
        cleaned.put("categories", Cleaning.categories(raw.get("categories")));
        cleaned.put("transactions", Cleaning.transactions(raw.get("transactions")));
        cleaned.put("sessions", Cleaning.sessions(raw.get("sessions")));

        Map<String, long[]> counts = new LinkedHashMap<>();
        long read = 0;
        long kept = 0;
        long rejected = 0;
        Dataset<Row> rejects = null;
        Map<String, Dataset<Row>> keptTables = new LinkedHashMap<>();
        for (Map.Entry<String, Cleaned> entry : cleaned.entrySet()) {
            String entity = entry.getKey();
            // Materialised with the lineage cut: the cleaning plans are large enough that re-analysing them for
            // each analytic costs more than the work itself.
            Dataset<Row> keptRows = entry.getValue().kept().localCheckpoint();
            Dataset<Row> rejectedRows = entry.getValue().rejected().localCheckpoint();
            keptTables.put(entity, keptRows);
            long readCount = raw.get(entity).count();
            long keptCount = keptRows.count();
            long rejectedCount = rejectedRows.count();
            if (readCount != keptCount + rejectedCount) {
                throw new IllegalStateException("Cleaning the " + entity + " lost rows: read " + readCount + ", kept "
                        + keptCount + ", rejected " + rejectedCount + ". This is a bug in spark-transforms' Cleaning;"
                        + " please report it with the dataset.");
            }
            counts.put(entity, new long[] {readCount, keptCount, rejectedCount});
            read += readCount;
            kept += keptCount;
            rejected += rejectedCount;
            Dataset<Row> described = rejectedRows.selectExpr("'" + entity + "' AS entity",
                    Cleaned.REJECT_REASON, "to_json(struct(*)) AS record");
            rejects = rejects == null ? described : rejects.unionByName(described);
        }
        CleanTables clean = new CleanTables(keptTables.get("users"), keptTables.get("products"),
                keptTables.get("categories"), keptTables.get("transactions"), keptTables.get("sessions"));
        stages.end(read, kept, rejected);
        return new StoreTables(clean, rejects, counts);
    }
}
