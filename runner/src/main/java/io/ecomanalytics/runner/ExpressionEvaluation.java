package io.ecomanalytics.runner;

import io.ecomanalytics.data.DatasetFiles;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how Spark evaluates a command's queries: compiled to Java classes (Spark's default) or interpreted.
 *
 * <p>Spark compiles the code of each new query shape with Janino, and a run of the pipeline makes about a thousand
 * shapes. Over a dataset of a few megabytes that compiling costs more than the compiled code saves, so a command over
 * at most {@link #INTERPRETED_UP_TO_BYTES} of dataset files evaluates interpreted; a larger one keeps compiled code.
 * Both give the same results. {@code spark.sql.codegen.factoryMode} is marked internal in Spark; Spark 4.0's
 * {@code CodeGeneratorWithInterpretedFallback} honours it in every build, and {@code ExpressionEvaluationTest} fails
 * if an upgrade stops doing so. A user's own {@code --conf} of either setting is left as given.
 */
final class ExpressionEvaluation {
    /**
     * Up to this many bytes of dataset files, queries are interpreted. The {@code tiny} run took 56-65 s instead of
     * 80-90 s; at {@code small} (28 MB) neither way was faster, so it stays compiled.
     */
    static final long INTERPRETED_UP_TO_BYTES = 8L * 1024 * 1024;
    static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
    static final String CODEGEN_FACTORY_MODE = "spark.sql.codegen.factoryMode";

    private static final Logger LOG = LoggerFactory.getLogger(ExpressionEvaluation.class);

    private ExpressionEvaluation() {
    }

    /**
     * Sets {@code spark} to interpret its queries when the dataset in {@code datasetFolder} is small, and to compile
     * them (Spark's default) when it is not, unless the user configured either setting. Call before the first query
     * over the dataset; a session that runs several datasets (as {@code bench} does) is set for each.
     */
    static void chooseFor(SparkSession spark, Path datasetFolder) {
        // The user's --conf (or spark-submit's) is in the context's configuration; this class sets the session's.
        choose(spark.conf(), spark.sparkContext().getConf(), DatasetFiles.open(datasetFolder).totalBytes());
    }

    static void choose(RuntimeConfig session, SparkConf configured, long datasetBytes) {
        if (configured.contains(WHOLE_STAGE_CODEGEN) || configured.contains(CODEGEN_FACTORY_MODE)) {
            return;
        }
        if (datasetBytes > INTERPRETED_UP_TO_BYTES) {
            session.unset(WHOLE_STAGE_CODEGEN);
            session.unset(CODEGEN_FACTORY_MODE);
            return;
        }
        session.set(WHOLE_STAGE_CODEGEN, "false");
        session.set(CODEGEN_FACTORY_MODE, "NO_CODEGEN");
        LOG.info(String.format(Locale.ROOT, "The dataset has %.1f MB: Spark interprets the queries instead of"
                + " compiling them (%s=false, %s=NO_CODEGEN; pass --conf to choose otherwise)", datasetBytes / 1e6,
                WHOLE_STAGE_CODEGEN, CODEGEN_FACTORY_MODE));
    }
}
