package io.ecomanalytics.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistogramsTest {

    @Test
    void integerBinsWidenInOneTwoFiveStepsUntilAtMostThirtyBarsRemain() {
        // 1..60 needs 60 one-wide bins; two-wide bins from 0 give 31; five-wide bins from 0 give 13.
        List<Histograms.IntegerBin> bins = Histograms.integerBins(List.of(new CountFrequency(1, 1),
                new CountFrequency(60, 2)));

        assertThat(bins).hasSize(13);
        assertThat(bins.get(0)).isEqualTo(new Histograms.IntegerBin(0, 4, 1));
        assertThat(bins.get(12)).isEqualTo(new Histograms.IntegerBin(60, 64, 2));
        assertThat(bins.get(0).label()).isEqualTo("0\u20134");
    }

    @Test
    void integerBinsMergeRepeatedCountsAndIgnoreZeroRows() {
        List<Histograms.IntegerBin> bins = Histograms.integerBins(List.of(new CountFrequency(3, 2),
                new CountFrequency(3, 5), new CountFrequency(9, 0)));

        assertThat(bins).containsExactly(new Histograms.IntegerBin(3, 3, 7));
        assertThat(bins.get(0).label()).isEqualTo("3");
    }

    @Test
    void realBinsOfEqualValuesFormOneUnitBin() {
        assertThat(Histograms.realBins(new double[] {4.2, 4.2})).containsExactly(new Histograms.RealBin(4, 5, 2));
    }

    @Test
    void realBinsPutAValueOnAnEdgeIntoTheUpperBin() {
        // Span 29 over at most 30 bins: 1-wide bins from 0; 1.0 starts the second bin.
        List<Histograms.RealBin> bins = Histograms.realBins(new double[] {0, 1, 29});

        assertThat(bins).hasSize(30);
        assertThat(bins.get(0).people()).isEqualTo(1);
        assertThat(bins.get(1).people()).isEqualTo(1);
        assertThat(bins.get(29).people()).isEqualTo(1);
    }

    @Test
    void medianOfAFrequencyTableAveragesTheMiddlePairForAnEvenTotal() {
        assertThat(Histograms.median(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 1L))).isEqualTo(2.5);
        assertThat(Histograms.median(Map.of(1L, 5L, 2L, 3L, 4L, 1L))).isEqualTo(1.0);
        assertThat(Histograms.median(Map.of(2L, 2L, 10L, 2L))).isEqualTo(6.0);
    }
}
