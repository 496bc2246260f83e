package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecomanalytics.testing.SharedSpark;
import io.ecomanalytics.testing.TestDatasets;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkConf;
import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small dataset's queries run without compiling code, a large one's compiled, and a user's setting stays: counted
 * with Spark's own compilation metric, so these tests fail if a Spark upgrade ignores the settings.
 */
@ExtendWith(SharedSpark.class)
class ExpressionEvaluationTest {
    /** A new literal per query: generated code inlines it, so every query is new code for Spark's cache. */
    private static final AtomicLong LITERAL = new AtomicLong(System.nanoTime() % 1_000_000);

    @TempDir
    Path temp;

    private SparkSession session;

    @AfterEach
    void restoreSparksDefaults() {
        if (session != null) {
            session.conf().unset(ExpressionEvaluation.WHOLE_STAGE_CODEGEN);
            session.conf().unset(ExpressionEvaluation.CODEGEN_FACTORY_MODE);
        }
    }

    @Test
    void theTinyDatasetIsInterpretedAndCompilesNothing(SparkSession spark) {
        session = spark;
        ExpressionEvaluation.chooseFor(spark, TestDatasets.copyTiny(temp.resolve("tiny")));

        assertThat(spark.conf().get(ExpressionEvaluation.WHOLE_STAGE_CODEGEN)).isEqualTo("false");
        assertThat(spark.conf().get(ExpressionEvaluation.CODEGEN_FACTORY_MODE)).isEqualTo("NO_CODEGEN");
        assertThat(compilationsOfAFreshQuery(spark)).isZero();
    }

    @Test
    void aDatasetOverTheLimitIsCompiledAgainAfterASmallOne(SparkSession spark) throws IOException {
        session = spark;
        Path large = TestDatasets.copyTiny(temp.resolve("large"));
        // Only the size counts: a sparse file of the limit's size plus a byte takes no disk.
        try (RandomAccessFile sessions = new RandomAccessFile(large.resolve("sessions_2.json").toFile(), "rw")) {
            sessions.setLength(ExpressionEvaluation.INTERPRETED_UP_TO_BYTES + 1);
        }
        ExpressionEvaluation.chooseFor(spark, TestDatasets.copyTiny(temp.resolve("tiny")));

        ExpressionEvaluation.chooseFor(spark, large);

        assertThat(spark.conf().contains(ExpressionEvaluation.WHOLE_STAGE_CODEGEN)).isFalse();
        assertThat(spark.conf().contains(ExpressionEvaluation.CODEGEN_FACTORY_MODE)).isFalse();
        assertThat(compilationsOfAFreshQuery(spark)).isPositive();
    }

    @Test
    void aUsersOwnSettingIsLeftAsGiven(SparkSession spark) {
        session = spark;
        SparkConf configured = new SparkConf(false).set(ExpressionEvaluation.WHOLE_STAGE_CODEGEN, "true");

        ExpressionEvaluation.choose(spark.conf(), configured, 1);

        assertThat(spark.conf().contains(ExpressionEvaluation.WHOLE_STAGE_CODEGEN)).isFalse();
        assertThat(spark.conf().contains(ExpressionEvaluation.CODEGEN_FACTORY_MODE)).isFalse();
    }

    /**
     * Janino compilations while a query with a new literal runs, after one of the same shape: what Spark compiles once
     * per schema (the aggregation's row joiner has no interpreted form) is then cached, and only code that inlines the
     * literal is new. The query's sum is checked against Java's.
     */
    private static long compilationsOfAFreshQuery(SparkSession spark) {
        sumOfQuery(spark, LITERAL.incrementAndGet());
        long before = CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
        sumOfQuery(spark, LITERAL.incrementAndGet());
        return CodegenMetrics.METRIC_COMPILATION_TIME().getCount() - before;
    }

    private static void sumOfQuery(SparkSession spark, long literal) {
        long sum = spark.range(1000).selectExpr("id * 7 + " + literal + " AS value")
                .filter("value % 3 = 0")
                .groupBy().sum("value").first().getLong(0);
        long expected = 0;
        for (long id = 0; id < 1000; id++) {
            long value = id * 7 + literal;
            if (value % 3 == 0) {
                expected += value;
            }
        }
        assertThat(sum).isEqualTo(expected);
    }
}
