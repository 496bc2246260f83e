package io.ecomanalytics.runner;

import io.ecomanalytics.hbase.EmbeddedHBase;
import io.ecomanalytics.mongo.EmbeddedMongoServer;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The default command. It starts the embedded MongoDB-protocol server and the in-process HBase, a Spark session, and
 * proves the three work together: one record through each store and back through Spark.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the pipeline on embedded stores and a local Spark (the default command).")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--spark-master", defaultValue = "${env:ECOM_SPARK_MASTER:-local[*]}",
            description = "Spark master URL (default: ${DEFAULT-VALUE}; env ECOM_SPARK_MASTER).")
    private String sparkMaster = "local[*]";

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start();
                EmbeddedHBase hbase = EmbeddedHBase.start();
                SparkSession spark = SparkSessions.create(sparkMaster, Map.of())) {
            StoreRoundTrip.Outcome result = StoreRoundTrip.run(spark, mongo.connectionString(), hbase.configuration());
            out.println("MongoDB  " + mongo.connectionString() + ": wrote " + result.mongoWritten()
                    + ", read back by the driver " + result.mongoReadByDriver() + ", by Spark " + result.mongoReadBySpark());
            out.println("HBase    " + hbase.zooKeeperAddress() + ": wrote " + result.hbaseWritten()
                    + ", read back by the client " + result.hbaseReadByClient() + ", by Spark " + result.hbaseReadBySpark());
            out.println("Spark    " + spark.version() + " (" + spark.sparkContext().master() + ")");
            LOG.info("Round trip through MongoDB, HBase and Spark complete");
        }
        return ExitCodes.OK;
    }
}
