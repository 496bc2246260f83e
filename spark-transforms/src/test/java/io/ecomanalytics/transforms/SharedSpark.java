package io.ecomanalytics.transforms;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** The one local SparkSession of the test JVM, started on first use. */
final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("spark-transforms-tests")
                    .master("local[2]")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
        }
        return session;
    }

    /** JSON documents read with an explicit schema, as a reader of the dataset files would. */
    static Dataset<Row> json(StructType schema, String... documents) {
        SparkSession spark = session();
        return spark.read().schema(schema).json(spark.createDataset(List.of(documents), Encoders.STRING()));
    }
}
