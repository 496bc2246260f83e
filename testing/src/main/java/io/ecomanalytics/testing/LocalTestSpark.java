package io.ecomanalytics.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The local SparkSession settings of every module's Spark tests: two cores on the loopback interface, no UI, few
 * shuffle partitions for tiny inputs, UTC.
 */
public final class LocalTestSpark {
    private LocalTestSpark() {
    }

    /** The session of this JVM, created with the test settings unless one is running already. */
    public static SparkSession session(String appName) {
        return SparkSession.builder()
                .appName(appName)
                .master("local[2]")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }
}
