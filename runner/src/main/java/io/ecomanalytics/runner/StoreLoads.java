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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;

/**
 * Loads a dataset folder into each store, as a timed stage: the modules' loaders, wired. A store kept in a
 * {@link StoreFolder} that already holds the dataset is not loaded again; one that holds anything else (another
 * dataset, or a load cut short) is emptied first, so that the load replaces what was there.
 */
final class StoreLoads {
    /** Regions of the sessions table that a command loads only to query it. */
    private static final int QUERY_REGIONS = 4;
    private static final String LOAD_MONGO = "load-mongo";
    private static final String LOAD_HBASE = "load-hbase";

    private StoreLoads() {
    }

    /**
     * Creates the MongoDB schema (idempotent) and upserts users, products, categories and transactions; empty when
     * the kept store already holds the dataset (the stage is recorded as skipped).
     */
    static Optional<MongoLoadReport> loadMongo(Stores stores, Path dataset, MongoLoadOptions options,
            StageTimer stages) {
        Optional<DatasetFingerprint> fingerprint = unlessHeld(stores, StoreFolder.Kind.MONGODB, LOAD_MONGO, dataset,
                stages);
        if (stores.folder().isPresent() && fingerprint.isEmpty()) {
            return Optional.empty();
        }
        if (fingerprint.isPresent()) {
            try (MongoStore store = MongoStore.connect(stores.mongo())) {
                store.database().drop();
            }
        }
        MongoLoadReport report = loadMongo(stores.mongo(), dataset, options, stages);
        if (report.failed() == 0 && fingerprint.isPresent()) {
            // The fingerprint may only promise what a killed process would keep.
            stores.flushKeptMongo();
            stores.folder().orElseThrow().remember(StoreFolder.Kind.MONGODB, fingerprint.get());
        }
        return Optional.of(report);
    }

    /**
     * Creates the sessions table (idempotent, pre-split by the dataset's users) and loads every session; empty when
     * the kept store already holds the dataset (the stage is recorded as skipped).
     */
    static Optional<SessionLoadReport> loadHBase(Stores stores, int regions, Path dataset,
            SessionLoadOptions options, StageTimer stages) {
        Optional<DatasetFingerprint> fingerprint = unlessHeld(stores, StoreFolder.Kind.HBASE, LOAD_HBASE, dataset,
                stages);
        if (stores.folder().isPresent() && fingerprint.isEmpty()) {
            return Optional.empty();
        }
        if (fingerprint.isPresent()) {
            try (SessionStore store = SessionStore.connect(stores.hbase(), stores.hbaseTable())) {
                store.dropTable();
            }
        }
        SessionLoadReport report = loadHBase(stores.hbase(), stores.hbaseTable(), regions, dataset, options, stages);
        if (report.failed() == 0 && fingerprint.isPresent()) {
            // The write-ahead log on the local filesystem is buffered in the process: the fingerprint may only
            // promise what a killed process would keep, so the table is flushed to its files first.
            flushTable(stores);
            stores.folder().orElseThrow().remember(StoreFolder.Kind.HBASE, fingerprint.get());
        }
        return Optional.of(report);
    }

    private static void flushTable(Stores stores) {
        try (Connection connection = stores.hbase().connect(); Admin admin = connection.getAdmin()) {
            admin.flush(TableName.valueOf(stores.hbaseTable()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot flush the sessions table " + stores.hbaseTable() + " of the kept"
                    + " HBase: " + e.getMessage(), e);
        }
    }

    /**
     * For a kept store: empty when it already holds the dataset (the stage is recorded as skipped), else the
     * dataset's fingerprint, to write once the load completed (the old one is removed now). Empty without a folder.
     */
    private static Optional<DatasetFingerprint> unlessHeld(Stores stores, StoreFolder.Kind kind, String stage,
            Path dataset, StageTimer stages) {
        if (stores.folder().isEmpty()) {
            return Optional.empty();
        }
        StoreFolder folder = stores.folder().get();
        DatasetFingerprint fingerprint = stores.fingerprint(dataset);
        if (folder.loaded(kind).equals(Optional.of(fingerprint))) {
            stages.skip(stage, "the store already holds dataset " + fingerprint.shortId());
            return Optional.empty();
        }
        folder.forget(kind);
        return Optional.of(fingerprint);
    }

    /** Creates the MongoDB schema (idempotent) and upserts users, products, categories and transactions. */
    static MongoLoadReport loadMongo(MongoSettings mongo, Path dataset,
            MongoLoadOptions options, StageTimer stages) {
        stages.start(LOAD_MONGO);
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
        stages.start(LOAD_HBASE);
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
        loadMongo(stores, dataset, MongoLoadOptions.defaults(), stages);
        loadHBase(stores, QUERY_REGIONS, dataset, SessionLoadOptions.defaults(stores.hbaseTable()), stages);
    }

    /**
     * The line that says which loads a kept store made unnecessary, e.g. {@code Store /data/s: load-mongo, load-hbase
     * skipped (the store already holds dataset 3f2a9c01b7de)}; empty when every load ran.
     */
    static Optional<String> skipNotice(Stores stores, List<StageRecord> stages) {
        List<StageRecord> skipped = stages.stream().filter(stage -> stage.skipped().isPresent()).toList();
        if (skipped.isEmpty() || stores.folder().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Store " + stores.folder().get().root() + ": "
                + skipped.stream().map(StageRecord::stage).collect(Collectors.joining(", ")) + " skipped ("
                + skipped.get(0).skipped().get() + ")");
    }
}
