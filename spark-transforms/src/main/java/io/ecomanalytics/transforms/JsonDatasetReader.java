package io.ecomanalytics.transforms;

import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.EntityType;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a dataset folder of JSON array files straight into Spark, with the explicit schemas, and cleans every entity:
 * the analytics without the stores, for benchmarks and checks against the files.
 */
public final class JsonDatasetReader {

    /**
     * The cleaned tables, lazily, and how many rows cleaning rejected over all entities.
     *
     * @param tables   every entity's kept rows
     * @param rejected the rows cleaning rejected, summed over the five entities
     */
    public record CleanedFiles(CleanTables tables, long rejected) {
    }

    private JsonDatasetReader() {
    }

    /**
     * The files {@link DatasetFiles} finds in the folder ({@code users.json}, ..., {@code sessions_N.json}),
     * cleaned; counting the rejects runs one Spark job per entity.
     *
     * @throws IllegalArgumentException if the folder or one of its files is missing
     */
    public static CleanedFiles read(SparkSession spark, Path folder) {
        DatasetFiles files = DatasetFiles.open(folder);
        Cleaned users = Cleaning.users(file(spark, Schemas.usersFromJson(), files.files(EntityType.USERS)));
        Cleaned products = Cleaning.products(
                file(spark, Schemas.productsFromJson(), files.files(EntityType.PRODUCTS)));
        Cleaned categories = Cleaning.categories(
                file(spark, Schemas.categoriesFromJson(), files.files(EntityType.CATEGORIES)));
        Cleaned transactions = Cleaning.transactions(
                file(spark, Schemas.transactionsFromJson(), files.files(EntityType.TRANSACTIONS)));
        Cleaned sessions = Cleaning.sessions(
                file(spark, Schemas.sessionsFromJson(), files.files(EntityType.SESSIONS)));
        long rejected = users.rejected().count() + products.rejected().count() + categories.rejected().count()
                + transactions.rejected().count() + sessions.rejected().count();
        return new CleanedFiles(new CleanTables(users.kept(), products.kept(), categories.kept(), transactions.kept(),
                sessions.kept()), rejected);
    }

    private static Dataset<Row> file(SparkSession spark, StructType schema, List<Path> paths) {
        // Each file is one JSON array (DESIGN section 3), so it is parsed whole rather than line by line. The files
        // are named one by one: a glob makes Spark log a missing-file warning with a stack trace.
        return spark.read().schema(schema).option("multiLine", "true")
                .json(paths.stream().map(Path::toString).toArray(String[]::new));
    }
}
