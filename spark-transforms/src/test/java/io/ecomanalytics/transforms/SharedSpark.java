package io.ecomanalytics.transforms;

import io.ecomanalytics.testing.LocalTestSpark;
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
            session = LocalTestSpark.session("spark-transforms-tests");
        }
        return session;
    }

    /**
     * JSON documents read with an explicit schema, as a reader of the dataset files would: PERMISSIVE, with the
     * column that marks records the reader could not type.
     */
    static Dataset<Row> json(StructType schema, String... documents) {
        SparkSession spark = session();
        return spark.read().schema(Schemas.withCorruptRecord(schema))
                .json(spark.createDataset(List.of(documents), Encoders.STRING()));
    }
}
