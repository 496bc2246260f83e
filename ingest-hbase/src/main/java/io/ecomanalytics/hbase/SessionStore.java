package io.ecomanalytics.hbase;

import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The front door to the sessions in HBase: one table, {@code ecommerce:user_sessions} unless told otherwise, reached
 * with one connection that this store owns. Create the table, load sessions, scan one user's sessions in time order,
 * or read them all into Spark, without handling HBase's {@code Connection}, {@code Admin} or {@code TableName}.
 *
 * <pre>{@code
 * try (SessionStore store = SessionStore.connect(HBaseSettings.forZooKeeper("zk1:2181"))) {
 *     store.createTable(datasetFolder, 8);
 *     SessionLoadReport report = store.load(datasetFolder, RejectSink.DISCARD, store.loadOptions());
 *     List<StoredSession> sessions = store.sessionsOfUser("user_000042");
 * }
 * }</pre>
 *
 * <p>Thread-safe; close it to release the connection.
 */
public final class SessionStore implements AutoCloseable {
    private final HBaseSettings settings;
    private final TableName tableName;
    private final Connection connection;
    private final SessionQueries queries;

    private SessionStore(HBaseSettings settings, TableName tableName, Connection connection) {
        this.settings = settings;
        this.tableName = tableName;
        this.connection = connection;
        this.queries = new SessionQueries(connection, tableName);
    }

    /** Connects to the cluster the settings name, for the table {@value SessionTableSpec#DEFAULT_TABLE}. */
    public static SessionStore connect(HBaseSettings settings) {
        return connect(settings, SessionTableSpec.DEFAULT_TABLE);
    }

    /**
     * Connects to the cluster the settings name, for the table {@code tableName} ({@code namespace:table}).
     *
     * @throws SessionStoreException if the cluster cannot be reached within the settings' retries
     */
    public static SessionStore connect(HBaseSettings settings, String tableName) {
        Objects.requireNonNull(settings, "settings");
        TableName name = TableName.valueOf(Objects.requireNonNull(tableName, "tableName"));
        return new SessionStore(settings, name, settings.connect());
    }

    /**
     * Creates the table if it is missing, pre-split into {@code regions} regions by the user ids of the dataset
     * folder's {@code users.json}; leaves a table with the session families as it is.
     *
     * @throws SessionStoreException if a table of that name has other families, or HBase refuses
     */
    public TableCreation createTable(Path datasetFolder, int regions) {
        return createTable(SessionTableSpec.forDataset(tableName.getNameAsString(), datasetFolder, regions));
    }

    /** Creates the table as {@code spec} describes; the spec must name this store's table. */
    public TableCreation createTable(SessionTableSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (!spec.tableName().equals(tableName)) {
            throw new IllegalArgumentException("The table spec names " + spec.tableName() + ", but this store is for "
                    + tableName + "; connect a store for that table instead");
        }
        try (Admin admin = connection.getAdmin()) {
            return SessionTable.create(admin, spec);
        } catch (IOException e) {
            throw adminUnavailable(e);
        }
    }

    /** Disables and deletes the table, if it exists. */
    public void dropTable() {
        try (Admin admin = connection.getAdmin()) {
            SessionTable.drop(admin, tableName);
        } catch (IOException e) {
            throw adminUnavailable(e);
        }
    }

    /** The default load options for this store's table, to adjust with their {@code with...} methods. */
    public SessionLoadOptions loadOptions() {
        return SessionLoadOptions.defaults(tableName.getNameAsString());
    }

    /**
     * Loads the sessions of the dataset folder's {@code sessions_N.json} files through the data module's validation;
     * a session that breaks a rule goes to {@code rejects}. Loading twice leaves the table as loading once.
     */
    public SessionLoadReport load(Path datasetFolder, RejectSink rejects, SessionLoadOptions options) {
        return SessionLoader.loadDataset(connection, datasetFolder, rejects, forThisTable(options));
    }

    /** Loads sessions from memory; the same rules and report as {@link #load(Path, RejectSink, SessionLoadOptions)}. */
    public SessionLoadReport load(Iterator<? extends Session> sessions, SessionLoadOptions options) {
        return SessionLoader.load(connection, sessions, forThisTable(options));
    }

    /** Every session of one user, oldest first: one scan of the rows that start with the user's id. */
    public List<StoredSession> sessionsOfUser(String userId) {
        return queries.sessionsOfUser(userId);
    }

    /**
     * One user's {@code limit} latest sessions, oldest first: a reversed scan of the user's rows that reads no more
     * than it returns, for a page that shows a long history in bounded time.
     */
    public List<StoredSession> latestSessionsOfUser(String userId, int limit) {
        return queries.latestSessionsOfUser(userId, limit);
    }

    /** How many sessions one user has, counted over the row keys alone. */
    public long sessionCountOfUser(String userId) {
        return queries.sessionCountOfUser(userId);
    }

    /** One user's sessions that start in {@code [from, to)}, oldest first. */
    public List<StoredSession> sessionsOfUser(String userId, Instant from, Instant to) {
        return queries.sessionsOfUser(userId, from, to);
    }

    /** Hands every session that starts in {@code [from, to)} to {@code action}; returns how many there were. */
    public long forEachSessionBetween(Instant from, Instant to, Consumer<StoredSession> action) {
        return queries.forEachSessionBetween(from, to, action);
    }

    /** The rows in each region of the table, in key order. */
    public List<RegionCount> countsPerRegion() {
        return queries.countsPerRegion();
    }

    /** Every session as a Spark dataset, lazily, one partition per region. */
    public Dataset<Row> read(SparkSession spark) {
        return read(spark, SparkReadOptions.allSessions(tableName.getNameAsString()));
    }

    /** The sessions the options select (families, time range, scan caching); the options must name this table. */
    public Dataset<Row> read(SparkSession spark, SparkReadOptions options) {
        if (!TableName.valueOf(options.tableName()).equals(tableName)) {
            throw new IllegalArgumentException("The read options name " + options.tableName() + ", but this store is"
                    + " for " + tableName + "; start from SparkReadOptions.allSessions(store.tableName())");
        }
        return SessionSparkReader.read(spark, settings, options);
    }

    /** The table, as {@code namespace:table}. */
    public String tableName() {
        return tableName.getNameAsString();
    }

    /** The settings this store connected with. */
    public HBaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            throw new SessionStoreException("Cannot close the HBase connection to " + settings.zooKeeperAddress()
                    + ": " + e.getMessage(), e);
        }
    }

    private SessionLoadOptions forThisTable(SessionLoadOptions options) {
        if (!options.tableName().equals(tableName)) {
            throw new IllegalArgumentException("The load options name " + options.tableName() + ", but this store is"
                    + " for " + tableName + "; start from store.loadOptions()");
        }
        return options;
    }

    private SessionStoreException adminUnavailable(IOException e) {
        return new SessionStoreException("Cannot reach HBase's master at " + settings.zooKeeperAddress() + ": "
                + EmbeddedHBase.rootMessage(e) + ". Check that the cluster is up.", e);
    }
}
