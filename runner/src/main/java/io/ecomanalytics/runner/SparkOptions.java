package io.ecomanalytics.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which Spark to use: a master URL and any Spark configuration passed through. */
final class SparkOptions {
    @Option(names = "--spark-master", defaultValue = "${env:ECOM_SPARK_MASTER:-local[*]}",
            description = "Spark master URL (env ECOM_SPARK_MASTER; default: ${DEFAULT-VALUE}). Under spark-submit the"
                    + " submitted master wins.")
    String master = "local[*]";

    @Option(names = "--conf", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Spark configuration passed through, repeatable, e.g. --conf spark.executor.memory=2g.")
    Map<String, String> configuration = new LinkedHashMap<>();
}
