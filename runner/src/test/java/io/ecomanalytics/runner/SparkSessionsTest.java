package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkSessionsTest {

    @Test
    void anExplicitMasterWinsOverTheSubmittedOne() {
        assertThat(SparkSessions.effectiveMaster("local[2]", "spark://10.0.0.1:7077")).isEqualTo("local[2]");
    }

    @Test
    void withoutAnExplicitMasterTheOneSparkSubmitSetIsKept() {
        assertThat(SparkSessions.effectiveMaster(null, "spark://10.0.0.1:7077")).isEqualTo("spark://10.0.0.1:7077");
        assertThat(SparkSessions.effectiveMaster(" ", "yarn")).isEqualTo("yarn");
    }

    @Test
    void withNeitherItRunsLocally() {
        assertThat(SparkSessions.effectiveMaster(null, null)).isEqualTo("local[*]");
    }
}
