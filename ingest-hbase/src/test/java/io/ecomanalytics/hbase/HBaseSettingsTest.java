package io.ecomanalytics.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class HBaseSettingsTest {

    @Test
    void anAddressGivesQuorumPortAndTheDefaultZnodeParent() {
        HBaseSettings settings = HBaseSettings.forZooKeeper("zk1,zk2,zk3:2182");

        assertThat(settings.zooKeeperQuorum()).isEqualTo("zk1,zk2,zk3");
        assertThat(settings.zooKeeperPort()).isEqualTo(2182);
        assertThat(settings.znodeParent()).isEqualTo("/hbase");
        assertThat(HBaseSettings.forZooKeeper("zk1").zooKeeperPort()).isEqualTo(2181);
    }

    @Test
    void theConfigurationCarriesTheClusterAndTheRetryBounds() {
        Configuration configuration = HBaseSettings.forZooKeeper("zk1:2182").withZnodeParent("/hbase-unsecure")
                .withRetries(2, Duration.ofSeconds(9)).configuration();

        assertThat(configuration.get("hbase.zookeeper.quorum")).isEqualTo("zk1");
        assertThat(configuration.getInt("hbase.zookeeper.property.clientPort", 0)).isEqualTo(2182);
        assertThat(configuration.get("zookeeper.znode.parent")).isEqualTo("/hbase-unsecure");
        assertThat(configuration.getInt("hbase.client.retries.number", 0)).isEqualTo(2);
        assertThat(configuration.getInt("hbase.client.operation.timeout", 0)).isEqualTo(9_000);
        assertThat(configuration.getInt("zookeeper.recovery.retry", 0)).isEqualTo(2);
    }

    @Test
    void badAddressesSayWhatIsWrong() {
        assertThatThrownBy(() -> HBaseSettings.forZooKeeper("zk1:abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ZooKeeper address 'zk1:abc' has port 'abc', which is not a number; write HOST:PORT, "
                        + "e.g. zk1:2181");
        assertThatThrownBy(() -> HBaseSettings.forZooKeeper(":2181"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The ZooKeeper quorum is empty; pass HOST:PORT, e.g. zk1:2181");
        assertThatThrownBy(() -> HBaseSettings.forZooKeeper("zk1:70000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ZooKeeper port 70000 is not a TCP port (1-65535)");
        assertThatThrownBy(() -> HBaseSettings.forZooKeeper("zk1").withZnodeParent("hbase"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("znode parent 'hbase' must start with '/', e.g. /hbase");
    }
}
