package io.ecomanalytics.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.junit.jupiter.api.Test;

class SessionTableSpecTest {

    @Test
    void usersAreSplitIntoRegionsOfEqualSize() {
        // 10 users in 4 regions: splits at indexes 10*1/4=2, 10*2/4=5, 10*3/4=7 of the sorted ids.
        SessionTableSpec spec = SessionTableSpec.forUserNumbers("ecommerce:user_sessions", 10, 4);

        assertThat(spec.splitUserIds()).containsExactly("user_000003", "user_000006", "user_000008");
        assertThat(spec.regionCount()).isEqualTo(4);
        assertThat(spec.tableName().getNamespaceAsString()).isEqualTo("ecommerce");
        assertThat(spec.compression()).isEqualTo(Compression.Algorithm.LZ4);
    }

    @Test
    void oneRegionNeedsNoSplitAndDuplicateUsersCountOnce() {
        assertThat(SessionTableSpec.forUsers("t", List.of("b", "a", "b"), 1).splitUserIds()).isEmpty();
        assertThat(SessionTableSpec.forUsers("t", List.of("b", "a", "b", "c"), 3).splitUserIds())
                .containsExactly("b", "c");
    }

    @Test
    void impossibleSplitsSayWhy() {
        assertThatThrownBy(() -> SessionTableSpec.forUsers("t", List.of("a", "b"), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot split 2 distinct users into 3 regions; ask for 1 to 2 regions");
        assertThatThrownBy(() -> new SessionTableSpec(org.apache.hadoop.hbase.TableName.valueOf("t"),
                List.of("b", "a"), Compression.Algorithm.GZ))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Split user ids must increase strictly, but 'b' is followed by 'a'");
    }
}
