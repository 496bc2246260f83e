package io.ecomanalytics.runner;

import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.hbase.HBaseSettings;
import io.ecomanalytics.hbase.SessionLoader;
import io.ecomanalytics.hbase.SessionTable;
import io.ecomanalytics.hbase.SessionTableSpec;
import io.ecomanalytics.mongo.MongoSettings;
import io.ecomanalytics.mongo.MongoStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;

/** Loads a dataset folder into each store, as a timed stage: the modules' loaders, wired. */
final class StoreLoads {
    private StoreLoads() {
    }

    /** Creates the MongoDB schema (idempotent) and upserts users, products, categories and transactions. */
    static io.ecomanalytics.mongo.MongoLoadReport loadMongo(MongoSettings mongo, Path dataset,
            io.ecomanalytics.mongo.MongoLoadOptions options, StageTimer stages) {
        stages.start("load-mongo");
        try (MongoStore store = MongoStore.connect(mongo)) {
            store.createSchema();
            io.ecomanalytics.mongo.MongoLoadReport report = store.loader(options).load(dataset);
            stages.end(report.read(), report.inserted() + report.updated() + report.unchanged(), report.rejected());
            return report;
        }
    }

    /** Creates the sessions table (idempotent, pre-split by the dataset's users) and loads every session. */
    static io.ecomanalytics.hbase.SessionLoadReport loadHBase(HBaseSettings hbase, String table, int regions, Path dataset,
            io.ecomanalytics.hbase.SessionLoadOptions options, StageTimer stages) {
        stages.start("load-hbase");
        try (Connection connection = hbase.connect(); Admin admin = connection.getAdmin()) {
            SessionTable.create(admin, SessionTableSpec.forDataset(table, dataset, regions));
            // The validation stage already wrote every reject with its reason; the loader only counts them.
            io.ecomanalytics.hbase.SessionLoadReport report = SessionLoader.loadDataset(connection, dataset,
                    RejectSink.DISCARD, options);
            stages.end(report.read(), report.written(), report.rejected());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the sessions into HBase at " + hbase.zooKeeperAddress()
                    + ": " + e.getMessage(), e);
        }
    }
}
