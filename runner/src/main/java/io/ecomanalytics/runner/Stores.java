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
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
 * waits for it. With a {@link StoreFolder} ({@code --store DIR}) the embedded stores keep their data in it between
 * commands.
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
    private final Optional<StoreFolder> folder;
    /** Fingerprints already taken in this command, by dataset folder: each store's load asks for the same one. */
    private final Map<Path, DatasetFingerprint> fingerprints = new HashMap<>();

    private Stores(Optional<EmbeddedMongoServer> embeddedMongo,
            Optional<CompletableFuture<EmbeddedHBase>> embeddedHBase, Optional<MongoSettings> mongo,
            Optional<HBaseSettings> hbase, String hbaseTable, Optional<StoreFolder> folder) {
        this.embeddedMongo = embeddedMongo;
        this.embeddedHBase = embeddedHBase;
        this.mongo = mongo;
        this.hbase = hbase;
        this.hbaseTable = hbaseTable;
        this.folder = folder;
    }

    /** Both stores, starting a fresh embedded one for each store that has no address. */
    static Stores open(StoreOptions options) {
        return open(options, Optional.empty());
    }

    /** Both stores; embedded ones keep their data in {@code store} when it is given. */
    static Stores open(StoreOptions options, Optional<Path> store) {
        Optional<StoreFolder> folder = store.map(StoreFolder::open);
        try {
            Stores hbaseOnly = hbaseIn(options, folder);
            try {
                Stores mongoOnly = mongoIn(options, folder);
                return new Stores(mongoOnly.embeddedMongo, hbaseOnly.embeddedHBase, mongoOnly.mongo,
                        hbaseOnly.hbase, options.hbaseTable, folder);
            } catch (RuntimeException e) {
                hbaseOnly.close();
                throw e;
            }
        } catch (RuntimeException e) {
            folder.ifPresent(StoreFolder::close);
            throw e;
        }
    }

    /** MongoDB only: the configured server, or an embedded one (kept in {@code store} when it is given). */
    static Stores openMongo(StoreOptions options, Optional<Path> store) {
        Optional<StoreFolder> folder = store.map(StoreFolder::open);
        try {
            return mongoIn(options, folder);
        } catch (RuntimeException e) {
            folder.ifPresent(StoreFolder::close);
            throw e;
        }
    }

    private static Stores mongoIn(StoreOptions options, Optional<StoreFolder> folder) {
        if (options.mongoUri == null || options.mongoUri.isBlank()) {
            EmbeddedMongoServer started = folder.map(Stores::startKeptMongo).orElseGet(EmbeddedMongoServer::start);
            return new Stores(Optional.of(started), Optional.empty(),
                    Optional.of(MongoSettings.of(started.connectionString(), options.mongoDatabase)
                            .withSparkPartitioner(MongoSettings.ONE_PASS_PAGINATE_PARTITIONER)), Optional.empty(),
                    options.hbaseTable, folder);
        }
        MongoSettings settings = MongoSettings.of(options.mongoUri, options.mongoDatabase)
                .withSparkPartitioner(options.mongoPartitioner);
        requireReachable(settings);
        return new Stores(Optional.empty(), Optional.empty(), Optional.of(settings), Optional.empty(),
                options.hbaseTable, folder);
    }

    /** HBase only: the configured cluster, or an in-process one (kept in {@code store} when it is given). */
    static Stores openHBase(StoreOptions options, Optional<Path> store) {
        Optional<StoreFolder> folder = store.map(StoreFolder::open);
        try {
            return hbaseIn(options, folder);
        } catch (RuntimeException e) {
            folder.ifPresent(StoreFolder::close);
            throw e;
        }
    }

    private static Stores hbaseIn(StoreOptions options, Optional<StoreFolder> folder) {
        if (options.zooKeeper == null || options.zooKeeper.isBlank()) {
            CompletableFuture<EmbeddedHBase> starting = Completion.onNewThread("embedded-hbase-start",
                    () -> folder.map(Stores::startKeptHBase).orElseGet(EmbeddedHBase::start));
            return new Stores(Optional.empty(), Optional.of(starting), Optional.empty(), Optional.empty(),
                    options.hbaseTable, folder);
        }
        HBaseSettings settings = HBaseSettings.forZooKeeper(options.zooKeeper).withZnodeParent(options.hbaseZnode);
        return new Stores(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(settings),
                options.hbaseTable, folder);
    }

    private static EmbeddedMongoServer startKeptMongo(StoreFolder folder) {
        try {
            return EmbeddedMongoServer.startPersistent(folder.folder(StoreFolder.Kind.MONGODB));
        } catch (RuntimeException e) {
            throw cannotOpen(folder, "MongoDB", e);
        }
    }

    private static EmbeddedHBase startKeptHBase(StoreFolder folder) {
        try {
            return EmbeddedHBase.startPersistent(folder.folder(StoreFolder.Kind.HBASE));
        } catch (RuntimeException e) {
            throw cannotOpen(folder, "HBase", e);
        }
    }

    /** One line that says how to recover: the store's own message names a Java class, and only its sub-folder. */
    private static IllegalStateException cannotOpen(StoreFolder folder, String store, RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String reason = cause.getMessage() == null ? "no reason given"
                : cause.getMessage().strip().lines().findFirst().orElse("no reason given");
        return new IllegalStateException("Cannot open the " + store + " kept in the store " + folder.root() + " ("
                + reason + "). A process killed while it wrote may have damaged it: delete " + folder.root()
                + " and run again, and the dataset is loaded afresh.", e);
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

    /** The folder the embedded stores are kept in, when {@code --store} was given. */
    Optional<StoreFolder> folder() {
        return folder;
    }

    /** Writes the kept MongoDB's acknowledged writes to its file now. */
    void flushKeptMongo() {
        if (folder.isPresent()) {
            embeddedMongo.ifPresent(EmbeddedMongoServer::flush);
        }
    }

    /** The dataset's fingerprint, taken once per command. */
    DatasetFingerprint fingerprint(Path dataset) {
        return fingerprints.computeIfAbsent(dataset.toAbsolutePath().normalize(), DatasetFingerprint::of);
    }

    /**
     * Fails unless both kept stores hold the same completely loaded dataset: for the commands that only read them
     * ({@code analyze}, and {@code sql} and {@code recommend} without {@code --data}).
     */
    void requireLoadedDataset() {
        if (folder.isEmpty()) {
            return;
        }
        StoreFolder kept = folder.get();
        Optional<DatasetFingerprint> mongoHolds = kept.loaded(StoreFolder.Kind.MONGODB);
        if (mongoHolds.isEmpty() || !mongoHolds.equals(kept.loaded(StoreFolder.Kind.HBASE))) {
            throw new IllegalStateException("The store " + kept.root() + " holds no completely loaded dataset"
                    + " (a load that never ran, was cut short or loaded only one of MongoDB and HBase): load one"
                    + " first, for example with run --store " + kept.root() + " --data DATASET.");
        }
    }

    /** Whether MongoDB is the embedded stand-in started for this command (it keeps no secondary index). */
    boolean mongoIsEmbedded() {
        return embeddedMongo.isPresent();
    }

    /** One line per open store: where it is and whether it was started for this command (passwords masked). */
    String describe() {
        StringBuilder description = new StringBuilder();
        mongo.ifPresent(settings -> description.append("MongoDB ").append(settings.maskedUri()).append(" database ")
                .append(settings.database())
                .append(embeddedMongo.isPresent() ? " (embedded" + keptIn(StoreFolder.Kind.MONGODB) + ")" : ""));
        if (hbase.isPresent() || embeddedHBase.isPresent()) {
            HBaseSettings settings = hbase();
            description.append(description.length() > 0 ? System.lineSeparator() : "")
                    .append("HBase   ZooKeeper ").append(settings.zooKeeperAddress()).append(" znode ")
                    .append(settings.znodeParent()).append(" table ").append(hbaseTable)
                    .append(embeddedHBase.isPresent() ? " (in-process" + keptIn(StoreFolder.Kind.HBASE) + ")" : "");
        }
        return description.toString();
    }

    private String keptIn(StoreFolder.Kind kind) {
        return folder.map(kept -> ", kept in " + kept.folder(kind)).orElse("");
    }

    /**
     * Stops what this command started (an in-process HBase still starting is waited for, then stopped) and then
     * releases the store folder.
     */
    @Override
    public void close() {
        try {
            embeddedHBase.flatMap(Stores::startedOrNothing).ifPresent(EmbeddedHBase::close);
        } finally {
            try {
                embeddedMongo.ifPresent(EmbeddedMongoServer::close);
            } finally {
                folder.ifPresent(StoreFolder::close);
            }
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
