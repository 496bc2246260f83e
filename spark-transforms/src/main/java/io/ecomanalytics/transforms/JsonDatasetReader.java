package io.ecomanalytics.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.EntityType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads a dataset folder of JSON array files straight into Spark, with the explicit schemas, and cleans every entity:
 * the analytics without the stores, for benchmarks and checks against the files.
 */
public final class JsonDatasetReader {
    private static final String REJECTED = "__rejected";

    /**
     * The cleaned tables, cached in memory (spilling to disk), and how many rows cleaning rejected over all entities.
     * {@link #close()} releases the cache.
     */
    public static final class CleanedFiles implements AutoCloseable {
        private final CleanTables tables;
        private final long rejected;
        private final List<Dataset<Row>> cached;

        private CleanedFiles(CleanTables tables, long rejected, List<Dataset<Row>> cached) {
            this.tables = tables;
            this.rejected = rejected;
            this.cached = List.copyOf(cached);
        }

        /** Every entity's kept rows. */
        public CleanTables tables() {
            return tables;
        }

        /** The rows cleaning rejected, summed over the five entities. */
        public long rejected() {
            return rejected;
        }

        /** Releases the cached rows; the tables are read again from the files if used afterwards. */
        @Override
        public void close() {
            cached.forEach(Dataset::unpersist);
        }
    }

    private JsonDatasetReader() {
    }

    /**
     * The files {@link DatasetFiles} finds in the folder ({@code users.json}, ..., {@code sessions_N.json}), parsed and
     * cleaned once: one Spark job per entity caches its rows with their verdicts, and both the kept table and the
     * reject count come from that copy. Close the result to release the cache.
     *
     * @throws IllegalArgumentException if the folder or one of its files is missing
     */
    public static CleanedFiles read(SparkSession spark, Path folder) {
        DatasetFiles files = DatasetFiles.open(folder);
        List<Verdicts> entities = new ArrayList<>();
        try {
            entities.add(cache(Cleaning.users(file(spark, Schemas.usersFromJson(), files.files(EntityType.USERS)))));
            entities.add(cache(Cleaning.products(
                    file(spark, Schemas.productsFromJson(), files.files(EntityType.PRODUCTS)))));
            entities.add(cache(Cleaning.categories(
                    file(spark, Schemas.categoriesFromJson(), files.files(EntityType.CATEGORIES)))));
            entities.add(cache(Cleaning.transactions(
                    file(spark, Schemas.transactionsFromJson(), files.files(EntityType.TRANSACTIONS)))));
            entities.add(cache(Cleaning.sessions(
                    file(spark, Schemas.sessionsFromJson(), files.files(EntityType.SESSIONS)))));
        } catch (RuntimeException e) {
            // A file that cannot be read leaves no cache behind.
            entities.forEach(verdicts -> verdicts.cached().unpersist());
            throw e;
        }
        return new CleanedFiles(new CleanTables(entities.get(0).kept(), entities.get(1).kept(), entities.get(2).kept(),
                entities.get(3).kept(), entities.get(4).kept()), entities.stream().mapToLong(Verdicts::rejected).sum(),
                entities.stream().map(Verdicts::cached).toList());
    }

    /** An entity's cached rows with their verdicts, its kept rows read from them, and how many it rejected. */
    private record Verdicts(Dataset<Row> cached, Dataset<Row> kept, long rejected) {
    }

    /**
     * Every row's cleaned columns and whether it was rejected, cached as top-level columns (so that a query reads only
     * the columns it needs), then counted: that one job fills the cache, and the kept rows are read from it. Without
     * the cache, counting the rejects and then reading the kept rows would parse and clean every file twice.
     */
    private static Verdicts cache(Cleaned cleaned) {
        Dataset<Row> verdicts = cleaned.decided()
                .select(col(Cleaned.CLEANED + ".*"), col(Cleaned.REJECT_REASON).isNotNull().as(REJECTED))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long rejected;
        try {
            rejected = verdicts.filter(col(REJECTED)).count();
        } catch (RuntimeException e) {
            verdicts.unpersist();
            throw e;
        }
        return new Verdicts(verdicts, verdicts.filter(not(col(REJECTED))).drop(REJECTED), rejected);
    }

    private static Dataset<Row> file(SparkSession spark, StructType schema, List<Path> paths) {
        // Each file is one JSON array (DESIGN section 3), so it is parsed whole rather than line by line. The files
        // are named one by one: a glob makes Spark log a missing-file warning with a stack trace.
        return spark.read().schema(schema).option("multiLine", "true")
                .json(paths.stream().map(Path::toString).toArray(String[]::new));
    }
}
