package io.ecomanalytics.hbase;

import io.ecomanalytics.transforms.Schemas;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.mapreduce.TableInputFormat;
import org.apache.hadoop.hbase.mapreduce.TableMapReduceUtil;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the session table into a DataFrame of {@link Schemas#sessionsFromHBase()}: one row per session, through
 * {@link TableInputFormat}, so one Spark partition per region and each executor scans its region directly. The
 * region servers filter families and the time range; cells are decoded once, in the executors. Nothing is collected
 * on the driver.
 */
final class SessionSparkReader {

    private SessionSparkReader() {
    }

    /** The sessions of the table named in {@code options}, lazily: nothing is read until an action runs. */
    static Dataset<Row> read(SparkSession spark, HBaseSettings settings, SparkReadOptions options) {
        Configuration configuration = settings.configuration();
        configuration.set(TableInputFormat.INPUT_TABLE, options.tableName());
        configuration.set(TableInputFormat.SCAN, scan(options));
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .newAPIHadoopRDD(configuration, TableInputFormat.class, ImmutableBytesWritable.class, Result.class)
                .map(entry -> SessionRows.toRow(entry._2()));
        return spark.createDataFrame(rows, Schemas.sessionsFromHBase());
    }

    private static String scan(SparkReadOptions options) {
        Scan scan = new Scan().setCaching(options.scanCaching()).setCacheBlocks(false);
        for (String family : options.families()) {
            scan.addFamily(Bytes.toBytes(family));
        }
        try {
            if (options.from().isPresent() || options.to().isPresent()) {
                long from = options.from().map(time -> time.toEpochMilli()).orElse(0L);
                long to = options.to().map(time -> time.toEpochMilli() + (time.getNano() % 1_000_000 == 0 ? 0 : 1))
                        .orElse(Long.MAX_VALUE);
                scan.setTimeRange(from, to);
            }
            return TableMapReduceUtil.convertScanToString(scan);
        } catch (IOException e) {
            throw new SessionStoreException("Cannot prepare the scan of " + options.tableName() + ": "
                    + e.getMessage(), e);
        }
    }
}
