package io.ecomanalytics.mongo;

import com.mongodb.ConnectionString;
import java.util.Objects;

/**
 * Where the data lives: a standard connection string ({@code mongodb://} or {@code mongodb+srv://}), the database
 * name, and the partitioner the Spark connector splits collections with.
 *
 * <p>{@link #toString()} masks the password, so a settings object can be logged.
 *
 * @param uri              the connection string, credentials and options included
 * @param database         the database name, {@value #DEFAULT_DATABASE} by default
 * @param sparkPartitioner the fully qualified class name of the Spark connector's read partitioner
 */
public record MongoSettings(String uri, String database, String sparkPartitioner) {

    /** The database DESIGN section 4 names. */
    public static final String DEFAULT_DATABASE = "ecommerce";

    /**
     * Splits a collection by {@code _id} ranges found with skips: of the connector's partitioners, the one the
     * embedded server supports (it has no {@code $collStats}), and the default here.
     */
    public static final String PAGINATE_INTO_PARTITIONS_PARTITIONER =
            "com.mongodb.spark.sql.connector.read.partitioner.PaginateIntoPartitionsPartitioner";

    /**
     * {@link #PAGINATE_INTO_PARTITIONS_PARTITIONER}'s partitions found in one sorted pass
     * ({@link OnePassPaginatePartitioner}): for the embedded server, which sorts the whole collection for each of
     * the connector's boundary queries.
     */
    public static final String ONE_PASS_PAGINATE_PARTITIONER = OnePassPaginatePartitioner.class.getName();

    /** The connector's own default, which needs {@code $collStats}: the best choice against a real MongoDB. */
    public static final String SAMPLE_PARTITIONER =
            "com.mongodb.spark.sql.connector.read.partitioner.SamplePartitioner";

    /**
     * @throws IllegalArgumentException if the URI is not a valid MongoDB connection string (the message masks the
     *                                  password) or the database name is blank
     */
    public MongoSettings {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(sparkPartitioner, "sparkPartitioner");
        try {
            new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + MongoUris.mask(uri) + "' is not a MongoDB connection string: "
                    + MongoUris.mask(e.getMessage()) + ". Use mongodb://host:port or mongodb+srv://host, with"
                    + " credentials percent-encoded.", null);
        }
        if (database.isBlank()) {
            throw new IllegalArgumentException("The MongoDB database name is blank; pass a name such as "
                    + DEFAULT_DATABASE);
        }
    }

    /** Settings for the given URI and database, with the {@link #PAGINATE_INTO_PARTITIONS_PARTITIONER}. */
    public static MongoSettings of(String uri, String database) {
        return new MongoSettings(uri, database, PAGINATE_INTO_PARTITIONS_PARTITIONER);
    }

    /** Settings for the given URI and the {@value #DEFAULT_DATABASE} database. */
    public static MongoSettings of(String uri) {
        return of(uri, DEFAULT_DATABASE);
    }

    /** These settings with another database. */
    public MongoSettings withDatabase(String otherDatabase) {
        return new MongoSettings(uri, otherDatabase, sparkPartitioner);
    }

    /** These settings with another Spark read partitioner (a fully qualified class name). */
    public MongoSettings withSparkPartitioner(String partitionerClassName) {
        return new MongoSettings(uri, database, partitionerClassName);
    }

    /** The URI with its password masked, for messages. */
    public String maskedUri() {
        return MongoUris.mask(uri);
    }

    @Override
    public String toString() {
        return "MongoSettings[uri=" + maskedUri() + ", database=" + database + ", sparkPartitioner="
                + sparkPartitioner + "]";
    }
}
