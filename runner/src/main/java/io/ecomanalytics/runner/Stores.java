package io.ecomanalytics.runner;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ServerDescription;
import io.ecomanalytics.hbase.EmbeddedHBase;
import io.ecomanalytics.hbase.HBaseSettings;
import io.ecomanalytics.mongo.EmbeddedMongoServer;
import io.ecomanalytics.mongo.MongoSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores of a command: the configured ones, or embedded ones started for the command and stopped on
 * {@link #close()}. A command opens only the stores it needs. An in-process HBase takes seconds to start, so it starts
 * on a thread of its own while the command goes on (Spark starts, MongoDB loads); the first use of {@link #hbase()}
 * waits for it.
 */
final class Stores implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Stores.class);
    /** How long a configured MongoDB may take to answer a ping before the command gives up on it. */
    private static final Duration MONGO_REACH_TIMEOUT = Duration.ofSeconds(10);
    private final Optional<EmbeddedMongoServer> embeddedMongo;
    private final Optional<CompletableFuture<EmbeddedHBase>> embeddedHBase;
    private final Optional<MongoSettings> mongo;
    private final Optional<HBaseSettings> hbase;
    private final String hbaseTable;

    private Stores(Optional<EmbeddedMongoServer> embeddedMongo,
            Optional<CompletableFuture<EmbeddedHBase>> embeddedHBase, Optional<MongoSettings> mongo,
            Optional<HBaseSettings> hbase, String hbaseTable) {
        this.embeddedMongo = embeddedMongo;
        this.embeddedHBase = embeddedHBase;
        this.mongo = mongo;
        this.hbase = hbase;
        this.hbaseTable = hbaseTable;
    }

    /** Both stores, starting an embedded one for each store that has no address. */
    static Stores open(StoreOptions options) {
        Stores hbaseOnly = openHBase(options);
        try {
            Stores mongoOnly = openMongo(options);
            return new Stores(mongoOnly.embeddedMongo, hbaseOnly.embeddedHBase, mongoOnly.mongo, hbaseOnly.hbase,
                    options.hbaseTable);
        } catch (RuntimeException e) {
            hbaseOnly.close();
            throw e;
        }
    }

    /** MongoDB only: the configured server, or an embedded one. */
    static Stores openMongo(StoreOptions options) {
        if (options.mongoUri == null || options.mongoUri.isBlank()) {
            EmbeddedMongoServer started = EmbeddedMongoServer.start();
            return new Stores(Optional.of(started), Optional.empty(),
                    Optional.of(MongoSettings.of(started.connectionString(), options.mongoDatabase)), Optional.empty(),
                    options.hbaseTable);
        }
        MongoSettings settings = MongoSettings.of(options.mongoUri, options.mongoDatabase)
                .withSparkPartitioner(options.mongoPartitioner);
        requireReachable(settings);
        return new Stores(Optional.empty(), Optional.empty(), Optional.of(settings), Optional.empty(),
                options.hbaseTable);
    }

    /** HBase only: the configured cluster, or an in-process one. */
    static Stores openHBase(StoreOptions options) {
        if (options.zooKeeper == null || options.zooKeeper.isBlank()) {
            CompletableFuture<EmbeddedHBase> starting = Completion.onNewThread("embedded-hbase-start",
                    EmbeddedHBase::start);
            return new Stores(Optional.empty(), Optional.of(starting), Optional.empty(), Optional.empty(),
                    options.hbaseTable);
        }
        HBaseSettings settings = HBaseSettings.forZooKeeper(options.zooKeeper).withZnodeParent(options.hbaseZnode);
        return new Stores(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(settings),
                options.hbaseTable);
    }

    /**
     * Pings a configured MongoDB once, so that a wrong address fails the command at once with one line naming it,
     * not half a minute later inside a Spark job with the driver's view of the cluster as the message.
     */
    private static void requireReachable(MongoSettings settings) {
        MongoClientSettings clientSettings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(settings.uri()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(MONGO_REACH_TIMEOUT.toMillis(),
                        TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(clientSettings)) {
            try {
                client.getDatabase(settings.database()).runCommand(new Document("ping", 1));
            } catch (MongoException e) {
                String reason = client.getClusterDescription().getServerDescriptions().stream()
                        .map(ServerDescription::getException).filter(Objects::nonNull).map(Stores::rootMessage)
                        .findFirst().orElse(FailureHandler.describe(e));
                throw new IllegalStateException("Cannot reach MongoDB at " + settings.maskedUri() + " within "
                        + MONGO_REACH_TIMEOUT.toSeconds() + " s: " + reason + ". Check that MongoDB is running and"
                        + " that --mongo-uri is right.", e);
            }
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return FailureHandler.describe(cause);
    }

    MongoSettings mongo() {
        return mongo.orElseThrow(() -> new IllegalStateException("MongoDB was not opened for this command"));
    }

    HBaseSettings hbase() {
        if (embeddedHBase.isPresent()) {
            return Completion.join(embeddedHBase.get()).settings();
        }
        return hbase.orElseThrow(() -> new IllegalStateException("HBase was not opened for this command"));
    }

    String hbaseTable() {
        return hbaseTable;
    }

    /** Whether MongoDB is the embedded stand-in started for this command (it keeps no secondary index). */
    boolean mongoIsEmbedded() {
        return embeddedMongo.isPresent();
    }

    /** One line per open store: where it is and whether it was started for this command (passwords masked). */
    String describe() {
        StringBuilder description = new StringBuilder();
        mongo.ifPresent(settings -> description.append("MongoDB ").append(settings.maskedUri()).append(" database ")
                .append(settings.database()).append(embeddedMongo.isPresent() ? " (embedded)" : ""));
        if (hbase.isPresent() || embeddedHBase.isPresent()) {
            HBaseSettings settings = hbase();
            description.append(description.length() > 0 ? System.lineSeparator() : "")
                    .append("HBase   ZooKeeper ").append(settings.zooKeeperAddress()).append(" znode ")
                    .append(settings.znodeParent()).append(" table ").append(hbaseTable)
                    .append(embeddedHBase.isPresent() ? " (in-process)" : "");
        }
        return description.toString();
    }

    /** Stops what this command started; an in-process HBase still starting is waited for, then stopped. */
    @Override
    public void close() {
        try {
            embeddedHBase.flatMap(Stores::startedOrNothing).ifPresent(EmbeddedHBase::close);
        } finally {
            embeddedMongo.ifPresent(EmbeddedMongoServer::close);
        }
    }

    private static Optional<EmbeddedHBase> startedOrNothing(CompletableFuture<EmbeddedHBase> starting) {
        try {
            return Optional.of(Completion.join(starting));
        } catch (RuntimeException e) {
            LOG.warn("The in-process HBase did not start, so there is nothing to stop: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
