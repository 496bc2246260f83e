package io.ecomanalytics.streaming;

import io.ecomanalytics.hbase.HBaseSettings;
import io.ecomanalytics.mongo.MongoSettings;
import java.io.Serializable;

/**
 * Where the sinks write, as plain text that Spark ships to the tasks of a micro-batch (each task's JVM connects once,
 * see {@link SinkConnections}).
 *
 * @param mongoUri         MongoDB connection string
 * @param mongoDatabase    database of {@code transactions} and {@code live_metrics}
 * @param zooKeeperAddress HBase ZooKeeper quorum, HOST[,HOST...][:PORT]
 * @param znodeParent      HBase znode parent
 * @param hbaseTable       the sessions table, e.g. {@code ecommerce:user_sessions}
 */
public record StoreTargets(String mongoUri, String mongoDatabase, String zooKeeperAddress, String znodeParent,
                           String hbaseTable) implements Serializable {

    /** The targets of two connected stores. */
    public static StoreTargets of(MongoSettings mongo, HBaseSettings hbase, String hbaseTable) {
        return new StoreTargets(mongo.uri(), mongo.database(), hbase.zooKeeperAddress(), hbase.znodeParent(),
                hbaseTable);
    }

    MongoSettings mongoSettings() {
        return MongoSettings.of(mongoUri, mongoDatabase);
    }

    HBaseSettings hbaseSettings() {
        return HBaseSettings.forZooKeeper(zooKeeperAddress).withZnodeParent(znodeParent);
    }
}
