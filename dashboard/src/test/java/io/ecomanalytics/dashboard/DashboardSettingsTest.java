package io.ecomanalytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecomanalytics.hbase.HBaseSettings;
import io.ecomanalytics.mongo.MongoSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DashboardSettingsTest {
    private static final HBaseSettings HBASE = HBaseSettings.forZooKeeper("127.0.0.1:2181");

    @Test
    void defaultsAreLoopbackAFreePortAndATenSecondStoreTimeout() {
        DashboardSettings settings = DashboardSettings.of(MongoSettings.of("mongodb://127.0.0.1:27017"), HBASE,
                "ecommerce:user_sessions");

        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isZero();
        assertThat(settings.storeTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aPortOutsideTcpAndANonPositiveTimeoutAreRefused() {
        DashboardSettings settings = DashboardSettings.of(MongoSettings.of("mongodb://127.0.0.1:27017"), HBASE, "t");

        assertThatThrownBy(() -> settings.withPort(70_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HTTP port 70000 is not a TCP port; pass 0 for a free port or 1-65535");
        assertThatThrownBy(() -> settings.withStoreTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The store timeout must be positive, not PT0S");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mongodb://127.0.0.1:27017 | mongodb://127.0.0.1:27017/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000"
                + "&socketTimeoutMS=2000",
        "mongodb://h:1/admin | mongodb://h:1/admin?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000"
                + "&socketTimeoutMS=2000",
        "mongodb://h:1/?replicaSet=rs | mongodb://h:1/?replicaSet=rs&serverSelectionTimeoutMS=2000"
                + "&connectTimeoutMS=2000&socketTimeoutMS=2000",
        "mongodb://h:1/?socketTimeoutMS=50 | mongodb://h:1/?socketTimeoutMS=50&serverSelectionTimeoutMS=2000"
                + "&connectTimeoutMS=2000"
    })
    void theMongoUriGetsBoundedTimeoutsUnlessItSetsItsOwn(String uri, String expected) {
        MongoSettings bounded = Dashboard.withTimeouts(MongoSettings.of(uri, "shop"), Duration.ofSeconds(2));

        assertThat(bounded.uri()).isEqualTo(expected);
        assertThat(bounded.database()).isEqualTo("shop");
    }

    @Test
    void theFiguresOverWholeCollectionsHaveNoSocketTimeout() {
        MongoSettings figures = Dashboard.withConnectTimeouts(MongoSettings.of("mongodb://h:1", "shop"),
                Duration.ofSeconds(2));

        assertThat(figures.uri()).isEqualTo("mongodb://h:1/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000");
    }
}
