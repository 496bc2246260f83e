package io.ecomanalytics.streaming;

import io.ecomanalytics.hbase.SessionStore;
import io.ecomanalytics.hbase.SessionUpserts;
import io.ecomanalytics.mongo.MongoStore;
import io.ecomanalytics.mongo.TransactionUpserts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One MongoDB client and one HBase connection per JVM and target, shared by every task of every micro-batch: an HBase
 * connection costs a ZooKeeper round trip and region lookups, too much to pay per partition per batch.
 */
final class SinkConnections {
    private static final Map<StoreTargets, SinkConnections> OPEN = new ConcurrentHashMap<>();

    private final MongoStore mongo;
    private final SessionStore hbase;
    private final TransactionUpserts transactions;
    private final SessionUpserts sessions;

    private SinkConnections(StoreTargets targets) {
        this.mongo = MongoStore.connect(targets.mongoSettings());
        try {
            this.hbase = SessionStore.connect(targets.hbaseSettings(), targets.hbaseTable());
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
        this.transactions = TransactionUpserts.into(mongo);
        this.sessions = SessionUpserts.into(hbase);
    }

    static SinkConnections of(StoreTargets targets) {
        return OPEN.computeIfAbsent(targets, SinkConnections::new);
    }

    MongoStore mongo() {
        return mongo;
    }

    TransactionUpserts transactions() {
        return transactions;
    }

    SessionUpserts sessions() {
        return sessions;
    }

    /** Closes the connections of this JVM (the driver's, at the end of the stream). */
    static void closeAll() {
        OPEN.values().forEach(connections -> {
            connections.hbase.close();
            connections.mongo.close();
        });
        OPEN.clear();
    }
}
