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
    record StoreTables(CleanTables clean, Dataset<Row> transactionItems, Dataset<Row> rejected,
            Map<String, long[]> counts) {
    }

    static StoreTables read(SparkSession spark, Stores stores, StageTimer stages) {
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
        Map<String, Dataset<Row>> keptTables = new LinkedHashMap<>();
        for (Map.Entry<String, Cleaned> entry : cleaned.entrySet()) {
            // Materialised once with its lineage cut: every analytic reads these tables, and the cleaning plans are
            // large enough that re-analysing them for each analytic costs more than the work itself.
            Dataset<Row> keptRows = entry.getValue().kept().localCheckpoint();
            keptTables.put(entry.getKey(), keptRows);
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
        CleanTables clean = new CleanTables(keptTables.get("users"), keptTables.get("products"),
                keptTables.get("categories"), keptTables.get("transactions"), keptTables.get("sessions"));
        Dataset<Row> items = clean.transactionItems().localCheckpoint();
        stages.end(read, kept, rejected);
        return new StoreTables(clean, items, rejects, counts);
    }
}
