package io.ecomanalytics.hbase;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/**
 * How to reach an HBase cluster: its ZooKeeper quorum, client port and znode parent, and how hard to try.
 *
 * <p>The retry bounds are deliberately low so that an unreachable cluster fails a run in seconds with a message, not
 * after the HBase client's default of several minutes; raise them for a busy production cluster.
 *
 * @param zooKeeperQuorum  comma-separated ZooKeeper hosts, e.g. {@code zk1,zk2,zk3}
 * @param zooKeeperPort    the ZooKeeper client port, e.g. 2181
 * @param znodeParent      the cluster's root znode, {@code /hbase} unless the cluster sets
 *                         {@code zookeeper.znode.parent}
 * @param attempts         how many times the client tries an operation (and ZooKeeper) before giving up, at least 1
 * @param operationTimeout the longest any single client operation may take, retries included
 */
public record HBaseSettings(String zooKeeperQuorum, int zooKeeperPort, String znodeParent, int attempts,
                            Duration operationTimeout) {

    /** The ZooKeeper client port when an address names none. */
    public static final int DEFAULT_ZOOKEEPER_PORT = 2181;
    private static final int DEFAULT_ATTEMPTS = 3;
    private static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(60);

    public HBaseSettings {
        Objects.requireNonNull(zooKeeperQuorum, "zooKeeperQuorum");
        Objects.requireNonNull(znodeParent, "znodeParent");
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        if (zooKeeperQuorum.isBlank()) {
            throw new IllegalArgumentException("The ZooKeeper quorum is empty; pass HOST:PORT, e.g. zk1:2181");
        }
        if (zooKeeperPort < 1 || zooKeeperPort > 65_535) {
            throw new IllegalArgumentException("ZooKeeper port " + zooKeeperPort + " is not a TCP port (1-65535)");
        }
        if (!znodeParent.startsWith("/")) {
            throw new IllegalArgumentException("znode parent '" + znodeParent + "' must start with '/', e.g. /hbase");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts is " + attempts + "; the client must try at least once");
        }
    }

    /**
     * Settings for {@code HOST[,HOST...][:PORT]} (the port defaults to 2181), znode parent {@code /hbase}, three
     * attempts and a 60 s operation timeout.
     */
    public static HBaseSettings forZooKeeper(String address) {
        Objects.requireNonNull(address, "address");
        String quorum = address.trim();
        int port = DEFAULT_ZOOKEEPER_PORT;
        int colon = quorum.lastIndexOf(':');
        if (colon >= 0) {
            String portText = quorum.substring(colon + 1);
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ZooKeeper address '" + address + "' has port '" + portText
                        + "', which is not a number; write HOST:PORT, e.g. zk1:2181", e);
            }
            quorum = quorum.substring(0, colon);
        }
        return new HBaseSettings(quorum, port, HConstants.DEFAULT_ZOOKEEPER_ZNODE_PARENT, DEFAULT_ATTEMPTS,
                DEFAULT_OPERATION_TIMEOUT);
    }

    /** These settings under another znode parent. */
    public HBaseSettings withZnodeParent(String parent) {
        return new HBaseSettings(zooKeeperQuorum, zooKeeperPort, parent, attempts, operationTimeout);
    }

    /** These settings with other retry bounds. */
    public HBaseSettings withRetries(int newAttempts, Duration newOperationTimeout) {
        return new HBaseSettings(zooKeeperQuorum, zooKeeperPort, znodeParent, newAttempts, newOperationTimeout);
    }

    /** {@code host[,host...]:port}, as printed in messages. */
    public String zooKeeperAddress() {
        return zooKeeperQuorum + ":" + zooKeeperPort;
    }

    /** A client configuration holding these settings. */
    public Configuration configuration() {
        Configuration configuration = HBaseConfiguration.create();
        configuration.set(HConstants.ZOOKEEPER_QUORUM, zooKeeperQuorum);
        configuration.setInt(HConstants.ZOOKEEPER_CLIENT_PORT, zooKeeperPort);
        configuration.set(HConstants.ZOOKEEPER_ZNODE_PARENT, znodeParent);
        int operationMillis = (int) Math.min(Integer.MAX_VALUE, operationTimeout.toMillis());
        configuration.setInt(HConstants.HBASE_CLIENT_RETRIES_NUMBER, attempts);
        configuration.setLong(HConstants.HBASE_CLIENT_PAUSE, 200);
        configuration.setInt(HConstants.HBASE_CLIENT_OPERATION_TIMEOUT, operationMillis);
        configuration.setInt(HConstants.HBASE_CLIENT_META_OPERATION_TIMEOUT, operationMillis);
        configuration.setInt(HConstants.HBASE_RPC_TIMEOUT_KEY, Math.min(operationMillis, 20_000));
        configuration.setInt("zookeeper.recovery.retry", attempts);
        configuration.setInt("zookeeper.recovery.retry.intervalmill", 200);
        configuration.setInt(HConstants.ZK_SESSION_TIMEOUT, 10_000);
        return configuration;
    }

    /**
     * Opens a connection and proves it works by asking the cluster for {@code hbase:meta}.
     *
     * @throws SessionStoreException naming the ZooKeeper address and znode parent when the cluster cannot be reached
     *     within the retry bounds
     */
    public Connection connect() {
        Connection connection = null;
        try {
            connection = ConnectionFactory.createConnection(configuration());
            try (Admin admin = connection.getAdmin()) {
                admin.listNamespaces();
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            closeQuietly(connection);
            throw new SessionStoreException("Cannot reach HBase through ZooKeeper " + zooKeeperAddress()
                    + " (znode parent " + znodeParent + ") after " + attempts + " attempt(s): "
                    + EmbeddedHBase.rootMessage(e) + ". Check that HBase is running, that the ZooKeeper address and"
                    + " port are right (--zookeeper HOST:PORT) and that the znode parent matches the cluster's"
                    + " zookeeper.znode.parent.", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // The connection never worked; there is nothing to release that a failed close could keep.
            }
        }
    }
}
