package io.ecomanalytics.streaming;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.BrokerServer;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka in KRaft mode (one combined broker and controller, no ZooKeeper), started in-process on
 * a random loopback port, like the embedded MongoDB-protocol server and the in-process HBase. It serves the default
 * run and the tests; clients reach it with {@link #bootstrapServers()}.
 *
 * <p>It is Kafka's own test kit ({@code kafka.testkit.KafkaClusterTestKit}), the broker version that matches the
 * {@code kafka-clients} Spark's Kafka source uses. Its logs live in a temporary folder that {@link #close()} deletes.
 * The dependency is optional: a library user who connects to a real cluster does not inherit it, and
 * {@link #start()} says how to add it when it is missing.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    /** The name under which Kafka's test utilities register the deletion of a temporary folder. */
    private static final String TEMPORARY_FOLDER_HOOK = "delete-temp-file-shutdown-hook";

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaClusterTestKit cluster, String bootstrapServers) {
        this.cluster = cluster;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats a fresh log folder and starts the node, returning once the broker accepts clients.
     *
     * @throws EmbeddedKafkaException if the broker's classes are missing or it fails to start
     */
    public static EmbeddedKafka start() {
        long startNanos = System.nanoTime();
        KafkaClusterTestKit cluster;
        try {
            // A free port picked here rather than 0, so that a restarted broker serves where its clients look.
            String listeners = "EXTERNAL://localhost:" + freeLoopbackPort() + ",CONTROLLER://localhost:0";
            cluster = new KafkaClusterTestKit.Builder(nodes())
                    .setConfigProp("listeners", listeners)
                    // One broker: internal topics cannot have more replicas than that.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "2")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
        } catch (NoClassDefFoundError e) {
            throw new EmbeddedKafkaException("Cannot start the embedded Kafka: its classes are not on the class path ("
                    + e.getMessage() + "). Add org.apache.kafka:kafka_2.13 and its 'test' jars (kafka_2.13,"
                    + " kafka-clients, kafka-server-common) to your dependencies, or pass --kafka-bootstrap of a real"
                    + " cluster.", e);
        } catch (Exception e) {
            throw new EmbeddedKafkaException("Cannot prepare the embedded Kafka: " + e.getMessage(), e);
        }
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            closeQuietly(cluster);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new EmbeddedKafkaException("Cannot start the embedded Kafka: " + e.getMessage(), e);
        }
        String bootstrap = cluster.bootstrapServers();
        LOG.info("Embedded Kafka (KRaft) listening on {} (started in {} ms)", bootstrap,
                (System.nanoTime() - startNanos) / 1_000_000);
        return new EmbeddedKafka(cluster, bootstrap);
    }

    /**
     * One combined node. The test kit makes its log folder with a JVM shutdown hook that deletes it; on Ctrl-C that
     * hook would race the broker's own shutdown (which still writes its checkpoints there) and make it log errors.
     * {@link #close()} deletes the folder after the broker stopped, so that hook is not registered.
     */
    private static TestKitNodes nodes() {
        synchronized (Exit.class) {
            Exit.setShutdownHookAdder((name, hook) -> {
                if (!TEMPORARY_FOLDER_HOOK.equals(name)) {
                    Runtime.getRuntime().addShutdownHook(new Thread(hook, name));
                }
            });
            try {
                return new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build();
            } finally {
                Exit.resetShutdownHookAdder();
            }
        }
    }

    /** The bootstrap address for clients, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The temporary folder holding the node's logs (deleted by {@link #close()}). */
    public Path logFolder() {
        return Path.of(cluster.nodes().baseDirectory());
    }

    /**
     * Stops the broker (its controller keeps running), as a broker restart or crash does to its clients. Its logs
     * stay; {@link #startBroker()} brings it back on the same port with the same logs.
     */
    void stopBroker() {
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
        }
        LOG.info("Embedded Kafka broker on {} stopped", bootstrapServers);
    }

    /** Starts the broker {@link #stopBroker()} stopped, returning once it accepts clients again. */
    void startBroker() {
        try {
            for (BrokerServer broker : cluster.brokers().values()) {
                broker.startup();
            }
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new EmbeddedKafkaException("Cannot restart the embedded Kafka broker on " + bootstrapServers + ": "
                    + e.getMessage(), e);
        }
        LOG.info("Embedded Kafka broker on {} started again", bootstrapServers);
    }

    /** Stops the node and deletes its log folder; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                cluster.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new EmbeddedKafkaException("Cannot stop the embedded Kafka on " + bootstrapServers + ": "
                        + e.getMessage(), e);
            }
            LOG.info("Embedded Kafka on {} stopped", bootstrapServers);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception suppressed) {
            LOG.debug("Closing a Kafka that failed to start also failed", suppressed);
        }
    }
}
