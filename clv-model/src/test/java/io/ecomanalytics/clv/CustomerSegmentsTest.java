package io.ecomanalytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerSegmentsTest {

    @Test
    void gridAssignsTheNamedSegments() {
        assertThat(Segment.of(5, 5)).isEqualTo(Segment.CHAMPIONS);
        assertThat(Segment.of(5, 4)).isEqualTo(Segment.CHAMPIONS);
        assertThat(Segment.of(3, 5)).isEqualTo(Segment.LOYAL_CUSTOMERS);
        assertThat(Segment.of(4, 2)).isEqualTo(Segment.POTENTIAL_LOYALISTS);
        assertThat(Segment.of(5, 1)).isEqualTo(Segment.NEW_CUSTOMERS);
        assertThat(Segment.of(4, 1)).isEqualTo(Segment.PROMISING);
        assertThat(Segment.of(3, 3)).isEqualTo(Segment.NEED_ATTENTION);
        assertThat(Segment.of(3, 1)).isEqualTo(Segment.ABOUT_TO_SLEEP);
        assertThat(Segment.of(2, 3)).isEqualTo(Segment.AT_RISK);
        assertThat(Segment.of(1, 5)).isEqualTo(Segment.CANNOT_LOSE_THEM);
        assertThat(Segment.of(1, 1)).isEqualTo(Segment.HIBERNATING);
        assertThatThrownBy(() -> Segment.of(0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RFM scores must be 1 to 5, got recency 0 and frequency 3");
    }

    @Test
    void quintileScoresGiveTiesTheSameScore() {
        assertThat(CustomerSegments.quintileScores(new double[] {0, 0, 0, 0, 0, 0, 1, 2, 3, 4}))
                .containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
        assertThat(CustomerSegments.quintileScores(new double[] {10, 20, 30, 40, 50}))
                .containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void segmentsAPopulationAndCountsEverySegment() {
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // Customer i made i repeat purchases, the last one 9 - i weeks before the calibration end (customer 0:
            // 29 weeks), so customer i ranks i-th on recency, frequency and value: scores 1 + floor(i / 2).
            customers.add(new CustomerSummary("c" + i, i, i == 0 ? 0 : 20.0 + i, 29.0, 10.0 + i));
        }
        CustomerSegments segments = CustomerSegments.of(customers);
        assertThat(segments.customers()).hasSize(10);
        assertThat(segments.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
        assertThat(segments.counts()).containsKeys(Segment.values());
        SegmentedCustomer best = segments.customers().get(9);
        assertThat(best.recencyScore()).isEqualTo(5);
        assertThat(best.frequencyScore()).isEqualTo(5);
        assertThat(best.monetaryScore()).isEqualTo(5);
        assertThat(best.segment()).isEqualTo(Segment.CHAMPIONS);
        assertThat(segments.customers().get(0).segment()).isEqualTo(Segment.HIBERNATING);
        assertThat(segments.counts().get(Segment.CHAMPIONS)).isEqualTo(2);
        assertThat(segments.counts().get(Segment.LOYAL_CUSTOMERS)).isEqualTo(2);
        assertThat(segments.counts().get(Segment.NEED_ATTENTION)).isEqualTo(2);
        assertThat(segments.counts().get(Segment.HIBERNATING)).isEqualTo(4);
        assertThat(segments.counts().get(Segment.AT_RISK)).isZero();
    }

    @Test
    void rejectsAnEmptyPopulation() {
        assertThatThrownBy(() -> CustomerSegments.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot segment an empty customer list; summarise a non-empty purchase log first");
    }
}
