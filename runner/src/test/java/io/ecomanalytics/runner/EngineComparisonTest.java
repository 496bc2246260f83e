package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecomanalytics.testing.SharedSpark;
import io.ecomanalytics.transforms.Analytic;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The engine comparison's guard: times only count when both engines produced the same number of rows. */
@ExtendWith(SharedSpark.class)
class EngineComparisonTest {

    @Test
    void enginesThatAgreeOnTheRowsAreTimedBoth(SparkSession spark) throws SQLException {
        EngineComparison.Timing timing = threeSparkRowsAgainst(spark, Analytic.CONVERSION_FUNNEL,
                "SELECT * FROM range(3)");

        assertThat(timing.name()).isEqualTo("conversion_funnel");
        assertThat(timing.rows()).isEqualTo(3);
        assertThat(timing.sparkNanos()).isPositive();
        assertThat(timing.duckDbNanos()).isPositive();
    }

    @Test
    void enginesThatDisagreeOnTheRowsGiveNoFigure(SparkSession spark) {
        assertThatThrownBy(() -> threeSparkRowsAgainst(spark, Analytic.SESSIONS_PER_USER, "SELECT * FROM range(2)"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("sessions_per_user has 3 rows from Spark but 2 from DuckDB's query,"
                        + " so their times do not compare.");
    }

    @Test
    void aQueryDuckDbRefusesIsNamedInTheError(SparkSession spark) {
        assertThatThrownBy(() -> threeSparkRowsAgainst(spark, Analytic.SESSIONS_PER_USER,
                "SELECT * FROM no_such_table"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("DuckDB refused a statement of the comparison (")
                .hasMessageEndingWith("): CREATE OR REPLACE TEMP TABLE result AS SELECT * FROM no_such_table");
    }

    /** Times a Spark analytic of three rows against {@code duckDbQuery} in a fresh in-memory DuckDB, twice. */
    private static EngineComparison.Timing threeSparkRowsAgainst(SparkSession spark, Analytic analytic,
            String duckDbQuery) throws SQLException {
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckDb.createStatement()) {
            return EngineComparison.timeBoth(analytic, spark.range(3).toDF(), duckDbQuery, statement, 2);
        }
    }
}
