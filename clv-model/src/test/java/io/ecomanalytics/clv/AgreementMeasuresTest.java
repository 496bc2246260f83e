package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ROC area and the adjusted Rand index on hand-worked examples and published values. */
class AgreementMeasuresTest {

    @Test
    void areaUnderCurveCountsThePairsThePositiveWins() {
        // Positives score 0.9, 0.6, 0.4; negatives 0.7, 0.4, 0.2. Of the 9 positive-negative pairs the positive
        // wins (0.9,0.7), (0.9,0.4), (0.9,0.2), (0.6,0.4), (0.6,0.2), (0.4,0.2) = 6, loses (0.6,0.7), (0.4,0.7)
        // and ties (0.4,0.4) = 1/2: AUC = 6.5 / 9.
        List<ScoredCase> cases = List.of(new ScoredCase(0.9, true), new ScoredCase(0.6, true),
                new ScoredCase(0.4, true), new ScoredCase(0.7, false), new ScoredCase(0.4, false),
                new ScoredCase(0.2, false));

        assertThat(AgreementMeasures.areaUnderCurve(cases)).isCloseTo(6.5 / 9, within(1e-12));
    }

    @Test
    void areaUnderCurveIsOneForAPerfectScoreAndOneHalfForAConstantOne() {
        List<ScoredCase> perfect = List.of(new ScoredCase(1, true), new ScoredCase(2, true), new ScoredCase(0, false));
        List<ScoredCase> constant = List.of(new ScoredCase(1, true), new ScoredCase(1, false),
                new ScoredCase(1, false));

        assertThat(AgreementMeasures.areaUnderCurve(perfect)).isEqualTo(1.0);
        assertThat(AgreementMeasures.areaUnderCurve(constant)).isEqualTo(0.5);
    }

    @Test
    void areaUnderCurveNeedsBothClasses() {
        assertThatThrownBy(() -> AgreementMeasures.areaUnderCurve(List.of(new ScoredCase(1, true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 negative");
    }

    @Test
    void adjustedRandIndexMatchesTheHandWorkedContingencyTable() {
        // scikit-learn user guide: labels_true [0,0,0,1,1,1], labels_pred [0,0,1,1,2,2] -> 0.24...
        // Contingency (0,0)=2 (0,1)=1 (1,1)=1 (1,2)=2: Σ C(n_ij) = 2; rows 3,3: 6; columns 2,2,2: 3; C(6) = 15.
        // Expected 6 x 3 / 15 = 1.2, maximum (6 + 3) / 2 = 4.5, ARI = (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3.
        assertThat(AgreementMeasures.adjustedRandIndex(pairs(List.of(0, 0, 0, 1, 1, 1), List.of(0, 0, 1, 1, 2, 2))))
                .isCloseTo(0.8 / 3.3, within(1e-12)).isCloseTo(0.24, within(0.005));
    }

    @Test
    void adjustedRandIndexGivesTheScikitLearnDocumentationsValues() {
        // sklearn.metrics.adjusted_rand_score docstring examples.
        assertThat(AgreementMeasures.adjustedRandIndex(pairs(List.of(0, 0, 1, 1), List.of(0, 0, 1, 1))))
                .isEqualTo(1.0);
        assertThat(AgreementMeasures.adjustedRandIndex(pairs(List.of(0, 0, 1, 1), List.of(1, 1, 0, 0))))
                .isEqualTo(1.0);
        assertThat(AgreementMeasures.adjustedRandIndex(pairs(List.of(0, 0, 1, 2), List.of(0, 0, 1, 1))))
                .isCloseTo(4.0 / 7, within(1e-12)).isCloseTo(0.57, within(0.005));
        assertThat(AgreementMeasures.adjustedRandIndex(pairs(List.of(0, 0, 1, 1), List.of(0, 0, 1, 2))))
                .isCloseTo(4.0 / 7, within(1e-12));
        assertThat(AgreementMeasures.adjustedRandIndex(pairs(List.of(0, 0, 0, 0), List.of(0, 1, 2, 3))))
                .isCloseTo(0.0, within(1e-12));
        assertThat(AgreementMeasures.adjustedRandIndex(pairs(List.of(0, 0, 1, 1), List.of(0, 1, 0, 1))))
                .isCloseTo(-0.5, within(1e-12));
    }

    private static List<LabelPair> pairs(List<Integer> first, List<Integer> second) {
        List<LabelPair> pairs = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            pairs.add(new LabelPair("t" + first.get(i), "p" + second.get(i)));
        }
        return pairs;
    }

    @Test
    void contingencyTableCountsEachPairOfLabelsInLabelOrder() {
        // Learned 1, 1, 2, 2, 2 against RFM champions, at_risk, at_risk, at_risk, champions.
        List<LabelPair> items = List.of(new LabelPair("1", "champions"), new LabelPair("1", "at_risk"),
                new LabelPair("2", "at_risk"), new LabelPair("2", "at_risk"), new LabelPair("2", "champions"));

        assertThat(AgreementMeasures.contingencyTable(items)).containsExactly(
                java.util.Map.entry("1", java.util.Map.of("at_risk", 1L, "champions", 1L)),
                java.util.Map.entry("2", java.util.Map.of("at_risk", 2L, "champions", 1L)));
        assertThat(AgreementMeasures.contingencyTable(items).get("2").keySet()).containsExactly("at_risk", "champions");
    }
}
