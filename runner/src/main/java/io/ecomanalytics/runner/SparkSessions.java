package io.ecomanalytics.runner;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession of a run: {@code local[*]} on the loopback interface unless a master is configured. */
final class SparkSessions {
    private SparkSessions() {
    }

    static SparkSession create(String master, Map<String, String> configuration) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("ecom-analytics")
                .master(master)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            // Spark otherwise picks a non-loopback address when the hostname resolves to loopback.
            builder.config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "8");
        }
        configuration.forEach(builder::config);
        return builder.getOrCreate();
    }
}
