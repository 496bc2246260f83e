package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeScoresTest {

    @Test
    void legacyScoreIsTotalSpentPlusATenthOfSessions() {
        assertThat(CompositeScores.legacy(new CustomerActivity("a", 100.0, 3, 5, 60.0, 0.2)))
                .isCloseTo(100.5, within(1e-12));
        assertThat(CompositeScores.legacy(CustomerActivity.withoutSessions("b", 42.0, 1))).isEqualTo(42.0);
    }

    @Test
    void engagementWeightedScoresByHand() {
        List<CustomerActivity> customers = List.of(
                new CustomerActivity("low", 0.0, 1, 0, 0.0, 0.0),
                new CustomerActivity("middle", 50.0, 2, 5, 300.0, 0.5),
                new CustomerActivity("high", 100.0, 5, 10, 600.0, 1.0));
        List<CompositeScore> scores = CompositeScores.engagementWeighted(customers, new EngagementWeights(2, 1, 1));
        // middle: monetary 0.5, frequency (2-1)/(5-1) = 0.25, engagement (0.5+0.5+0.5)/3 = 0.5
        // -> 100 (2*0.5 + 0.25 + 0.5) / 4 = 43.75
        assertThat(scores).extracting(CompositeScore::score)
                .containsExactly(0.0, 43.75, 100.0);
        assertThat(scores).extracting(CompositeScore::tier)
                .containsExactly(Tier.BRONZE, Tier.BRONZE, Tier.SILVER);
    }

    @Test
    void scoresStayWithinZeroAndHundredAndTiersFollowPercentiles() {
        List<CustomerActivity> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            customers.add(new CustomerActivity("c" + i, i * 10.0, i, i * 2L, i * 3.0, i / 100.0));
        }
        List<CompositeScore> scores = CompositeScores.engagementWeighted(customers, EngagementWeights.DEFAULT);
        assertThat(scores).allSatisfy(score -> assertThat(score.score()).isBetween(0.0, 100.0));
        assertThat(scores.stream().filter(s -> s.tier() == Tier.PLATINUM).count()).isEqualTo(10);
        assertThat(scores.stream().filter(s -> s.tier() == Tier.GOLD).count()).isEqualTo(20);
        assertThat(scores.stream().filter(s -> s.tier() == Tier.SILVER).count()).isEqualTo(30);
        assertThat(scores.stream().filter(s -> s.tier() == Tier.BRONZE).count()).isEqualTo(40);
        assertThat(scores.get(99).score()).isEqualTo(100.0);
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> new CustomerActivity("x", -1.0, 0, 0, 0.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customer x: activity (total spent -1.0,");
        assertThatThrownBy(() -> new EngagementWeights(0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("engagement weights (monetary 0.0, frequency 0.0, engagement 0.0) must be finite,"
                        + " not negative, and not all 0");
        assertThatThrownBy(() -> CompositeScores.engagementWeighted(List.of(), EngagementWeights.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot score an empty customer list");
    }
}
