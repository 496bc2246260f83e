package io.ecomanalytics.mongo;

import io.ecomanalytics.transforms.Schemas;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the collections into DataFrames and writes DataFrames back, through the official MongoDB Spark connector.
 *
 * <p>Reads always pass an explicit schema (spark-transforms' {@link Schemas}{@code .*FromMongo}): schema inference
 * samples with {@code $sample}, which the embedded server does not implement reliably, and an explicit schema is
 * stable anyway. The partitioner comes from {@link MongoSettings#sparkPartitioner()}.
 */
public final class MongoSparkIo {
    private static final int PAGES_PER_CORE = 4;
    private static final Logger LOG = LoggerFactory.getLogger(MongoSparkIo.class);
    private static final String FORMAT = "mongodb";

    private MongoSparkIo() {
    }

    /**
     * Reads one of the dataset's collections with its schema from spark-transforms' {@link Schemas}.
     *
     * @throws IllegalArgumentException for {@link MongoCollectionName#CUSTOMER_CLV}, whose schema belongs to its
     *                                  writer: use {@link #read(SparkSession, MongoSettings, MongoCollectionName,
     *                                  StructType)}
     */
    public static Dataset<Row> read(SparkSession spark, MongoSettings settings, MongoCollectionName collection) {
        return read(spark, settings, collection, schemaOf(collection));
    }

    /** Reads a collection with the given schema; fields missing from a document are null. */
    public static Dataset<Row> read(SparkSession spark, MongoSettings settings, MongoCollectionName collection,
                                    StructType schema) {
        LOG.info("Reading {}.{} from {} with {}", settings.database(), collection, settings.maskedUri(),
                settings.sparkPartitioner());
        DataFrameReader reader = spark.read().format(FORMAT).schema(schema)
                .option("connection.uri", settings.uri())
                .option("database", settings.database())
                .option("collection", collection.collectionName())
                .option("partitioner", settings.sparkPartitioner());
        if (MongoSettings.PAGINATE_INTO_PARTITIONS_PARTITIONER.equals(settings.sparkPartitioner())
                || MongoSettings.ONE_PASS_PAGINATE_PARTITIONER.equals(settings.sparkPartitioner())) {
            // The connector's default of 64 pages gives small collections one partition per document, and every
            // page is a query of its own; a few pages per core keep the work spread without that overhead.
            reader = reader.option("partitioner.options.max.number.of.partitions",
                    String.valueOf(PAGES_PER_CORE * spark.sparkContext().defaultParallelism()));
        }
        return reader.load();
    }

    /**
     * Replaces the content of a collection with the rows (the collection is dropped first, so a re-run leaves the
     * same documents). A row's {@code _id} column, when there is one, becomes the document's {@code _id}.
     */
    public static void write(Dataset<Row> rows, MongoSettings settings, MongoCollectionName collection) {
        LOG.info("Writing {}.{} at {}", settings.database(), collection, settings.maskedUri());
        rows.write().format(FORMAT).mode(SaveMode.Overwrite)
                .option("connection.uri", settings.uri())
                .option("database", settings.database())
                .option("collection", collection.collectionName())
                .save();
    }

    static StructType schemaOf(MongoCollectionName collection) {
        return switch (collection) {
            case USERS -> Schemas.usersFromMongo();
            case PRODUCTS -> Schemas.productsFromMongo();
            case CATEGORIES -> Schemas.categoriesFromMongo();
            case TRANSACTIONS -> Schemas.transactionsFromMongo();
            case CUSTOMER_CLV, RECOMMENDATIONS -> throw new IllegalArgumentException(collection + " has no schema in"
                    + " spark-transforms' Schemas: its fields are whatever the step that wrote it wrote; pass the schema"
                    + " to MongoSparkIo.read(spark, settings, collection, schema)");
        };
    }
}
