package io.ecomanalytics.runner;

import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.hbase.HBaseSettings;
import io.ecomanalytics.hbase.SessionLoadOptions;
import io.ecomanalytics.hbase.SessionLoadReport;
import io.ecomanalytics.hbase.SessionStore;
import io.ecomanalytics.mongo.MongoLoadOptions;
import io.ecomanalytics.mongo.MongoLoadReport;
import io.ecomanalytics.mongo.MongoSettings;
import io.ecomanalytics.mongo.MongoStore;
import java.nio.file.Path;

/** Loads a dataset folder into each store, as a timed stage: the modules' loaders, wired. */
final class StoreLoads {
    /** Regions of the sessions table that a command loads only to query it. */
    private static final int QUERY_REGIONS = 4;

    private StoreLoads() {
    }

    /** Creates the MongoDB schema (idempotent) and upserts users, products, categories and transactions. */
    static MongoLoadReport loadMongo(MongoSettings mongo, Path dataset,
            MongoLoadOptions options, StageTimer stages) {
        stages.start("load-mongo");
        try (MongoStore store = MongoStore.connect(mongo)) {
            store.createSchema();
            MongoLoadReport report = store.loader(options).load(dataset);
            stages.end(report.read(), report.inserted() + report.updated() + report.unchanged(), report.rejected());
            return report;
        }
    }

    /** Creates the sessions table (idempotent, pre-split by the dataset's users) and loads every session. */
    static SessionLoadReport loadHBase(HBaseSettings hbase, String table, int regions, Path dataset,
            SessionLoadOptions options, StageTimer stages) {
        stages.start("load-hbase");
        try (SessionStore store = SessionStore.connect(hbase, table)) {
            store.createTable(dataset, regions);
            // The validation stage already wrote every reject with its reason; the loader only counts them.
            SessionLoadReport report = store.load(dataset, RejectSink.DISCARD, options);
            stages.end(report.read(), report.written(), report.rejected());
            return report;
        }
    }

    /**
     * Both stores with their default load options, for the commands that load a dataset before they query it
     * ({@code sql}, {@code recommend} and {@code serve} with {@code --data}); the HBase table gets four regions.
     */
    static void loadBoth(Stores stores, Path dataset, StageTimer stages) {
        loadMongo(stores.mongo(), dataset, MongoLoadOptions.defaults(), stages);
        loadHBase(stores.hbase(), stores.hbaseTable(), QUERY_REGIONS, dataset,
                SessionLoadOptions.defaults(stores.hbaseTable()), stages);
    }
}
