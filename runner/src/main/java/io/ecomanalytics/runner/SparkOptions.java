package io.ecomanalytics.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which Spark to use: a master URL and any Spark configuration passed through. */
final class SparkOptions {
    @Option(names = "--spark-master", defaultValue = "${env:ECOM_SPARK_MASTER}",
            description = "Spark master URL (env ECOM_SPARK_MASTER; default: the master spark-submit was given, else"
                    + " local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Spark configuration passed through, repeatable, e.g. --conf spark.executor.memory=2g.")
    Map<String, String> configuration = new LinkedHashMap<>();
}
