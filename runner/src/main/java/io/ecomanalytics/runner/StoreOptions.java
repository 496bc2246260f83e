package io.ecomanalytics.runner;

import picocli.CommandLine.Option;

/**
 * Where the stores are. Every option is optional: an absent MongoDB URI starts the embedded MongoDB-protocol server,
 * an absent ZooKeeper address starts the in-process HBase. Each option also reads an environment variable.
 */
final class StoreOptions {
    @Option(names = "--mongo-uri", defaultValue = "${env:ECOM_MONGO_URI}",
            description = "MongoDB connection string, mongodb:// or mongodb+srv:// (env ECOM_MONGO_URI;"
                    + " default: an embedded MongoDB-protocol server).")
    String mongoUri;

    @Option(names = "--mongo-database", defaultValue = "${env:ECOM_MONGO_DATABASE:-ecommerce}",
            description = "MongoDB database (env ECOM_MONGO_DATABASE; default: ${DEFAULT-VALUE}).")
    String mongoDatabase = "ecommerce";

    @Option(names = "--mongo-partitioner",
            defaultValue = "${env:ECOM_MONGO_PARTITIONER:-com.mongodb.spark.sql.connector.read.partitioner.SamplePartitioner}",
            description = "Spark partitioner for a real MongoDB (env ECOM_MONGO_PARTITIONER; default: the connector's"
                    + " SamplePartitioner; the embedded server always uses PaginateIntoPartitionsPartitioner).")
    String mongoPartitioner = "com.mongodb.spark.sql.connector.read.partitioner.SamplePartitioner";

    @Option(names = "--zookeeper", defaultValue = "${env:ECOM_ZOOKEEPER}",
            description = "HBase ZooKeeper quorum HOST[,HOST...][:PORT] (env ECOM_ZOOKEEPER;"
                    + " default: an in-process HBase).")
    String zooKeeper;

    @Option(names = "--hbase-znode", defaultValue = "${env:ECOM_HBASE_ZNODE:-/hbase}",
            description = "HBase znode parent (env ECOM_HBASE_ZNODE; default: ${DEFAULT-VALUE}).")
    String hbaseZnode = "/hbase";

    @Option(names = "--hbase-table", defaultValue = "${env:ECOM_HBASE_TABLE:-ecommerce:user_sessions}",
            description = "HBase sessions table (env ECOM_HBASE_TABLE; default: ${DEFAULT-VALUE}).")
    String hbaseTable = "ecommerce:user_sessions";
}
