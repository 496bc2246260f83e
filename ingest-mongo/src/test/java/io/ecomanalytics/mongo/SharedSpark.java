package io.ecomanalytics.mongo;

import org.apache.spark.sql.SparkSession;

/** The one local SparkSession of the test JVM; Spark's shutdown hook stops it. */
final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("ingest-mongo-tests")
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
}
