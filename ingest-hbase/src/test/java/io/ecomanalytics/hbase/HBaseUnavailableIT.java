package io.ecomanalytics.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HBaseUnavailableIT {

    @Test
    void aWrongZooKeeperPortFailsInSecondsWithAMessageNamingTheAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HBaseSettings settings = HBaseSettings.forZooKeeper("127.0.0.1:" + closedPort)
                .withRetries(2, Duration.ofSeconds(10));

        long start = System.nanoTime();
        assertThatThrownBy(settings::connect)
                .isInstanceOf(SessionStoreException.class)
                .hasMessageStartingWith("Cannot reach HBase through ZooKeeper 127.0.0.1:" + closedPort
                        + " (znode parent /hbase) after 2 attempt(s): ")
                .hasMessageEndingWith("Check that HBase is running, that the ZooKeeper address and port are right "
                        + "(--zookeeper HOST:PORT) and that the znode parent matches the cluster's "
                        + "zookeeper.znode.parent.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }
}
