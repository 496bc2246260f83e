package io.ecomanalytics.runner;

import picocli.CommandLine;

/** Reports the project version recorded in the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"ecom-analytics " + projectVersion(), "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
    }

    static String projectVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
