package io.ecomanalytics.clv;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Prints the wall time of the learned segments (feature table from the customer table, the per-user engagement and
 * every session, then the whole search and the MLlib fit on everyone) at the {@code full} scale's size, 10,000
 * customers and 2,000,000 sessions, and at ten times the customers. Not a test and not run by the build; from the
 * repository root:
 * <pre>
 * mvn -B -q -pl clv-model -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/clv-classpath.txt
 * java $(sed -n 's:.*&lt;java17.options&gt;\(.*\)&lt;/java17.options&gt;.*:\1:p' pom.xml) -Xmx3g \
 *     -cp clv-model/target/test-classes:clv-model/target/classes:testing/target/classes:$(cat /tmp/clv-classpath.txt) \
 *     io.ecomanalytics.clv.SegmentationBenchmark
 * </pre>
 * The inputs are synthetic (random behaviour, materialised before the clock starts), so the figures are about time
 * only; recovery of planted segments is tested elsewhere.
 */
public final class SegmentationBenchmark {
    private static final long SESSIONS = 2_000_000;
    private static final Instant OBSERVATION_END = Instant.parse("2025-01-01T00:00:00Z");

    private SegmentationBenchmark() {
    }

    public static void main(String[] arguments) {
        SparkSession spark = SharedSpark.session();
        System.out.printf(Locale.ROOT, "%10s %10s %12s %10s %10s %10s %8s%n", "customers", "sessions",
                "features s", "search s", "total s", "model", "k");
        for (int customers : new int[] {10_000, 100_000}) {
            for (int repeat = 0; repeat < 2; repeat++) {
                run(spark, customers, repeat == 0 ? "(warm-up)" : "");
            }
        }
    }

    private static void run(SparkSession spark, int customerCount, String note) {
        Dataset<Row> customers = customers(spark, customerCount).localCheckpoint();
        Dataset<Row> sessions = sessions(spark, customerCount).localCheckpoint();
        Dataset<Row> engagement = engagement(sessions).localCheckpoint();
        long start = System.nanoTime();
        Dataset<Row> features = SegmentFeatures.table(customers, engagement, sessions, OBSERVATION_END)
                .localCheckpoint();
        double featureSeconds = (System.nanoTime() - start) / 1e9;
        SegmentationResult result = CustomerSegmentation.segment(features, SegmentationSettings.DEFAULT,
                Optional.empty());
        result.customerSegments().count();
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%,10d %,10d %12.1f %10.1f %10.1f %10s %8d %s%n", customerCount, SESSIONS,
                featureSeconds, result.searchSeconds(), total, result.chosen().model().displayName().replace(' ', '-'),
                result.chosen().clusters(), note);
    }

    private static Dataset<Row> customers(SparkSession spark, int count) {
        Column age = lit(30).plus(rand(1).multiply(60));
        return spark.range(count).select(
                format_string("user_%07d", col("id")).as("customer_id"),
                age.as("T"),
                age.multiply(rand(2)).as("recency"),
                floor(lit(1).plus(rand(3).multiply(20))).cast("long").as("orders"),
                lit(20).plus(rand(4).multiply(2000)).as("total_spent"),
                rand(5).multiply(1000).as("clv"),
                rand(6).as("probability_alive"),
                lit(60).plus(rand(7).multiply(600)).as("average_session_seconds"),
                element_at(array(lit("champions"), lit("loyal"), lit("at_risk"), lit("hibernating")),
                        pmod(col("id"), lit(4)).plus(1).cast("int")).as("segment"));
    }

    private static Dataset<Row> sessions(SparkSession spark, int customers) {
        return spark.range(SESSIONS).select(
                format_string("user_%07d", pmod(col("id").multiply(7919), lit(customers))).as("user_id"),
                element_at(array(lit("converted"), lit("abandoned"), lit("browsed")),
                        pmod(col("id"), lit(3)).plus(1).cast("int")).as("conversion_status"),
                floor(rand(9).multiply(3)).cast("int").as("device"),
                floor(rand(10).multiply(5)).cast("int").as("referrer"),
                floor(lit(4).plus(rand(11).multiply(13))).cast("long").as("pages"),
                lit(OBSERVATION_END.getEpochSecond()).minus(floor(rand(12).multiply(90 * 86_400)))
                        .cast("timestamp").as("start_time"));
    }

    private static Dataset<Row> engagement(Dataset<Row> sessions) {
        String[] devices = {"mobile", "desktop", "tablet"};
        String[] referrers = {"direct", "email", "social", "search_engine", "affiliate"};
        Column[] aggregates = new Column[devices.length + referrers.length + 1];
        aggregates[0] = sum("pages").as("page_views");
        for (int i = 0; i < devices.length; i++) {
            aggregates[1 + i] = sum(when(col("device").equalTo(i), 1L).otherwise(0L)).as("device_" + devices[i]);
        }
        for (int i = 0; i < referrers.length; i++) {
            aggregates[1 + devices.length + i] = sum(when(col("referrer").equalTo(i), 1L).otherwise(0L))
                    .as("referrer_" + referrers[i]);
        }
        return sessions.groupBy("user_id").agg(count(lit(1)).as("sessions"), aggregates);
    }
}
