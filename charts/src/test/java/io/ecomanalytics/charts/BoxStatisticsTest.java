package io.ecomanalytics.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoxStatisticsTest {

    @Test
    void quartilesInterpolateBetweenOrderStatisticsAndTukeyFencesFindTheOutlier() {
        // Worked by hand: positions (n - 1) p = 1, 2, 3 give 2, 3, 4; the fences are 2 - 3 = -1 and 4 + 3 = 7.
        BoxStatistics box = BoxStatistics.of(new double[] {100, 3, 1, 4, 2});
        assertThat(box).isEqualTo(new BoxStatistics(22, 3, 2, 4, 1, 4, List.of(100.0)));
    }

    @Test
    void aQuartileBetweenTwoValuesIsInterpolated() {
        // Positions 0.75 and 2.25 of {10, 20, 30, 40}: 10 + 0.75 * 10 and 30 + 0.25 * 10.
        BoxStatistics box = BoxStatistics.of(new double[] {40, 10, 30, 20});
        assertThat(box.lowerQuartile()).isEqualTo(17.5);
        assertThat(box.upperQuartile()).isEqualTo(32.5);
        assertThat(box.median()).isEqualTo(25);
    }
}
