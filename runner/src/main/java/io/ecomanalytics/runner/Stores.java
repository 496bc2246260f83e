package io.ecomanalytics.runner;

import io.ecomanalytics.hbase.EmbeddedHBase;
import io.ecomanalytics.hbase.HBaseSettings;
import io.ecomanalytics.mongo.EmbeddedMongoServer;
import io.ecomanalytics.mongo.MongoSettings;
import java.util.Optional;

/**
 * The two stores of a run: the configured ones, or embedded ones started for the run and stopped on {@link #close()}.
 */
final class Stores implements AutoCloseable {
    private final Optional<EmbeddedMongoServer> embeddedMongo;
    private final Optional<EmbeddedHBase> embeddedHBase;
    private final MongoSettings mongo;
    private final HBaseSettings hbase;
    private final String hbaseTable;

    private Stores(Optional<EmbeddedMongoServer> embeddedMongo, Optional<EmbeddedHBase> embeddedHBase,
            MongoSettings mongo, HBaseSettings hbase, String hbaseTable) {
        this.embeddedMongo = embeddedMongo;
        this.embeddedHBase = embeddedHBase;
        this.mongo = mongo;
        this.hbase = hbase;
        this.hbaseTable = hbaseTable;
    }

    /** Connects to the configured stores, starting an embedded one for each store that has no address. */
    static Stores open(StoreOptions options) {
        EmbeddedMongoServer startedMongo = null;
        try {
            MongoSettings mongo;
            if (options.mongoUri == null || options.mongoUri.isBlank()) {
                startedMongo = EmbeddedMongoServer.start();
                mongo = MongoSettings.of(startedMongo.connectionString(), options.mongoDatabase);
            } else {
                mongo = MongoSettings.of(options.mongoUri, options.mongoDatabase)
                        .withSparkPartitioner(MongoSettings.SAMPLE_PARTITIONER);
            }
            if (options.zooKeeper == null || options.zooKeeper.isBlank()) {
                EmbeddedHBase startedHBase = EmbeddedHBase.start();
                return new Stores(Optional.ofNullable(startedMongo), Optional.of(startedHBase), mongo,
                        HBaseSettings.of(startedHBase), options.hbaseTable);
            }
            HBaseSettings hbase = HBaseSettings.forZooKeeper(options.zooKeeper).withZnodeParent(options.hbaseZnode);
            return new Stores(Optional.ofNullable(startedMongo), Optional.empty(), mongo, hbase, options.hbaseTable);
        } catch (RuntimeException e) {
            if (startedMongo != null) {
                startedMongo.close();
            }
            throw e;
        }
    }

    MongoSettings mongo() {
        return mongo;
    }

    HBaseSettings hbase() {
        return hbase;
    }

    String hbaseTable() {
        return hbaseTable;
    }

    /** One line per store: where it is and whether it was started for this run (passwords masked). */
    String describe() {
        return "MongoDB " + mongo.maskedUri() + " database " + mongo.database()
                + (embeddedMongo.isPresent() ? " (embedded)" : "") + System.lineSeparator()
                + "HBase   ZooKeeper " + hbase.zooKeeperAddress() + " znode " + hbase.znodeParent() + " table "
                + hbaseTable + (embeddedHBase.isPresent() ? " (in-process)" : "");
    }

    @Override
    public void close() {
        embeddedHBase.ifPresent(EmbeddedHBase::close);
        embeddedMongo.ifPresent(EmbeddedMongoServer::close);
    }
}
