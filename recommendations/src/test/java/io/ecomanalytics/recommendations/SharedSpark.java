package io.ecomanalytics.recommendations;

import io.ecomanalytics.testing.LocalTestSpark;
import org.apache.spark.sql.SparkSession;

/** One local SparkSession per test JVM, started on first use; Spark stops it at JVM exit. */
final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = LocalTestSpark.session("recommendations-tests");
        }
        return session;
    }
}
