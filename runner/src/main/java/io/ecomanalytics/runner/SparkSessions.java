package io.ecomanalytics.runner;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession of a command: the configured master, else the one {@code spark-submit} set, else
 * {@code local[*]} on the loopback interface.
 */
final class SparkSessions {
    static final String LOCAL = "local[*]";

    private SparkSessions() {
    }

    /**
     * @param master        the master URL, or null to keep the one spark-submit set (or {@value #LOCAL} without it)
     * @param configuration Spark configuration passed through
     */
    static SparkSession create(String master, Map<String, String> configuration) {
        String effectiveMaster = effectiveMaster(master, System.getProperty("spark.master"));
        SparkSession.Builder builder = SparkSession.builder()
                .appName("ecom-analytics")
                .master(effectiveMaster)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.showConsoleProgress", "false")
                // A run compiles about a thousand distinct classes of generated code; with Spark's default of 100
                // cached, a tiny run compiled 1,255 of them (30 s of CPU in Janino), with 2,000 cached 951 (25 s).
                .config("spark.sql.codegen.cache.maxEntries", "2000");
        if (effectiveMaster.startsWith("local")) {
            // Spark otherwise picks a non-loopback address when the hostname resolves to loopback.
            builder.config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "8")
                    // Shuffle files stay on this machine's disk: compressing them cost 8-12 % of the CPU of
                    // spark-read and 4-5 % of recommendations at full (JFR), and saved no network.
                    .config("spark.shuffle.compress", "false");
        }
        configuration.forEach(builder::config);
        return builder.getOrCreate();
    }

    /** An explicit master wins, then spark-submit's ({@code spark.master}), then {@value #LOCAL}. */
    static String effectiveMaster(String configured, String submitted) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return submitted != null && !submitted.isBlank() ? submitted : LOCAL;
    }
}
