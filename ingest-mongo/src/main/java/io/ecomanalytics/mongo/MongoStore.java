package io.ecomanalytics.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one MongoDB database: the entry point of this module. It creates the schema, hands out the loader
 * and the typed aggregations, and owns the client (close it when done).
 *
 * <pre>{@code
 * try (MongoStore store = MongoStore.connect(MongoSettings.of("mongodb://localhost:27017"))) {
 *     store.createSchema();
 *     MongoLoadReport report = store.loader(MongoLoadOptions.defaults()).load(folder);
 *     List<ProductSales> top = store.aggregations().topProductsByRevenue(10);
 * }
 * }</pre>
 */
public final class MongoStore implements AutoCloseable {
    /**
     * The documents asked per batch by a read that may return many ({@code find(...).batchSize(SCAN_BATCH_SIZE)}, the
     * same on an aggregation). MongoDB's own first batch is 101 documents, but a query without a batch size gets its
     * whole result in one reply from the embedded server: a reply that the driver refuses above 48 MB (250,000
     * transactions) and that the server takes minutes to encode.
     */
    public static final int SCAN_BATCH_SIZE = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(MongoStore.class);

    private final MongoSettings settings;
    private final MongoClient client;
    private final MongoDatabase database;

    private MongoStore(MongoSettings settings, MongoClient client) {
        this.settings = settings;
        this.client = client;
        this.database = client.getDatabase(settings.database());
    }

    /**
     * Creates a client for the settings' URI. The driver connects lazily: an unreachable server shows up at the
     * first operation, as a {@link MongoLoadException} from the loader or a driver exception elsewhere.
     */
    public static MongoStore connect(MongoSettings settings) {
        MongoClientSettings clientSettings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(settings.uri()))
                .build();
        LOG.info("Connecting to MongoDB at {} (database {})", settings.maskedUri(), settings.database());
        return new MongoStore(settings, MongoClients.create(clientSettings));
    }

    /**
     * Creates the collections, validators and indexes that are missing (the validators come from the data module's
     * rule table).
     */
    public void createSchema() {
        MongoSchema.apply(database);
    }

    /** A loader writing into this store with the given options. */
    public MongoLoader loader(MongoLoadOptions options) {
        return new MongoLoader(this, options);
    }

    /** The typed aggregations over this store's collections. */
    public MongoAggregations aggregations() {
        return new MongoAggregations(database);
    }

    /** The settings this store was connected with. */
    public MongoSettings settings() {
        return settings;
    }

    /** The database, for queries this module does not offer. */
    public MongoDatabase database() {
        return database;
    }

    /** One collection of the database. */
    public MongoCollection<Document> collection(MongoCollectionName name) {
        return database.getCollection(name.collectionName());
    }

    @Override
    public void close() {
        client.close();
    }
}
