package io.ecomanalytics.transforms;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Reads a dataset folder of JSON array files with the explicit schemas and cleans every entity. */
final class JsonDatasetReader {

    /** The cleaned tables and the number of rejected rows over all entities. */
    record Read(CleanTables tables, long rejected) {
    }

    private JsonDatasetReader() {
    }

    static Dataset<Row> file(SparkSession spark, StructType schema, Path path) {
        // Each file is one JSON array (DESIGN section 3), so it is parsed whole rather than line by line.
        return spark.read().schema(schema).option("multiLine", "true").json(path.toString());
    }

    static Read read(SparkSession spark, Path folder) {
        Cleaned users = Cleaning.users(file(spark, Schemas.usersFromJson(), folder.resolve("users.json")));
        Cleaned products = Cleaning.products(file(spark, Schemas.productsFromJson(), folder.resolve("products.json")));
        Cleaned categories = Cleaning.categories(
                file(spark, Schemas.categoriesFromJson(), folder.resolve("categories.json")));
        Cleaned transactions = Cleaning.transactions(
                file(spark, Schemas.transactionsFromJson(), folder.resolve("transactions.json")));
        Cleaned sessions = Cleaning.sessions(
                file(spark, Schemas.sessionsFromJson(), folder.resolve("sessions_*.json")));
        long rejected = users.rejected().count() + products.rejected().count() + categories.rejected().count()
                + transactions.rejected().count() + sessions.rejected().count();
        return new Read(new CleanTables(users.kept(), products.kept(), categories.kept(), transactions.kept(),
                sessions.kept()), rejected);
    }
}
