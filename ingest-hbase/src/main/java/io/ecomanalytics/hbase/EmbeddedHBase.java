package io.ecomanalytics.hbase;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.LocalHBaseCluster;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.master.HMaster;
import org.apache.hadoop.hbase.zookeeper.MiniZooKeeperCluster;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process HBase: a mini ZooKeeper and one master plus one region server in this JVM, storing on the local
 * filesystem (no HDFS), every port random on the loopback interface. {@link #start()} stores under a temporary folder
 * deleted on {@link #close()}; {@link #startPersistent(Path)} stores under a folder that is kept, so that a later
 * instance on the same folder serves the same tables.
 *
 * <p>It serves the default run and the tests. Clients reach it like any cluster, through {@link #configuration()}
 * (ZooKeeper quorum, client port and znode parent), so the code under test is the code that runs against a real
 * cluster. The HBase server artifacts are an optional dependency of this module: a library user who connects to a
 * real cluster does not inherit them.
 */
public final class EmbeddedHBase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHBase.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final float BLOCK_CACHE_SHARE_OF_HEAP = 0.1f;
    private static final float MEMSTORE_SHARE_OF_HEAP = 0.2f;
    private static final int FILES_BEFORE_COMPACTION = 32;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** Folders of a kept data folder that hold only the state of one run; they are emptied at each start. */
    private static final String[] RUN_STATE_FOLDERS = {"zookeeper", "hadoop-tmp", "hbase-tmp"};

    /** What becomes of the data folder on {@link #close()}. */
    private enum Lifetime { DELETED_ON_CLOSE, KEPT }

    private final Path dataFolder;
    private final Lifetime lifetime;
    private final MiniZooKeeperCluster zooKeeper;
    private final LocalHBaseCluster cluster;
    private final Configuration clientConfiguration;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedHBase(Path dataFolder, Lifetime lifetime, MiniZooKeeperCluster zooKeeper,
            LocalHBaseCluster cluster, Configuration clientConfiguration) {
        this.dataFolder = dataFolder;
        this.lifetime = lifetime;
        this.zooKeeper = zooKeeper;
        this.cluster = cluster;
        this.clientConfiguration = clientConfiguration;
    }

    /**
     * Starts ZooKeeper and HBase in a new temporary folder and waits until {@code hbase:meta} is online.
     *
     * @throws EmbeddedHBaseException naming the folder and the cause when any part fails to start within two minutes;
     *     whatever had started is stopped again
     */
    public static EmbeddedHBase start() {
        Path folder;
        try {
            folder = Files.createTempDirectory("ecom-hbase-");
        } catch (IOException e) {
            throw new EmbeddedHBaseException("Cannot create a data folder for the in-process HBase in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage()
                    + ". Free some disk space or point java.io.tmpdir at a writable folder.", e);
        }
        return start(folder);
    }

    /** Starts ZooKeeper and HBase storing under {@code dataFolder}, which is deleted again on {@link #close()}. */
    public static EmbeddedHBase start(Path dataFolder) {
        return start(dataFolder, Lifetime.DELETED_ON_CLOSE);
    }

    /**
     * Starts ZooKeeper and HBase storing under {@code dataFolder} (created when missing), which is kept on
     * {@link #close()} and when the start fails: the tables a previous instance wrote there are served again. What a
     * killed instance had written is recovered from its write-ahead log. ZooKeeper's state belongs to one run and is
     * started afresh. Only one instance at a time may use a folder.
     *
     * @throws EmbeddedHBaseException naming the folder and the cause when the start fails; deleting the folder
     *     starts afresh
     */
    public static EmbeddedHBase startPersistent(Path dataFolder) {
        try {
            Files.createDirectories(dataFolder);
            for (String runState : RUN_STATE_FOLDERS) {
                deleteRecursively(dataFolder.resolve(runState));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new EmbeddedHBaseException("Cannot prepare the in-process HBase data folder " + dataFolder + ": "
                    + e.getMessage() + ". Check that the location is writable.", e);
        }
        return start(dataFolder, Lifetime.KEPT);
    }

    private static EmbeddedHBase start(Path dataFolder, Lifetime lifetime) {
        long startNanos = System.nanoTime();
        MiniZooKeeperCluster zooKeeper = null;
        LocalHBaseCluster cluster = null;
        try {
            // Hadoop's metrics registry is JVM-wide: without this, a second instance in one JVM (a test after another,
            // a re-run) aborts its region server with "Metrics source RegionServer,sub=Server already exists".
            DefaultMetricsSystem.setMiniClusterMode(true);
            Configuration configuration = serverConfiguration(dataFolder);
            zooKeeper = new MiniZooKeeperCluster(configuration);
            int zooKeeperPort = zooKeeper.startup(dataFolder.resolve("zookeeper").toFile());
            configuration.set(HConstants.ZOOKEEPER_QUORUM, LOOPBACK);
            configuration.setInt(HConstants.ZOOKEEPER_CLIENT_PORT, zooKeeperPort);
            long zooKeeperMillis = (System.nanoTime() - startNanos) / 1_000_000;

            cluster = new LocalHBaseCluster(configuration, 1, 1);
            cluster.startup();
            Configuration client = clientConfiguration(zooKeeperPort);
            waitUntilMetaIsOnline(cluster, client, dataFolder);
            LOG.info("In-process HBase ready: ZooKeeper {}:{} (up in {} ms), data in {}, started in {} ms", LOOPBACK,
                    zooKeeperPort, zooKeeperMillis, dataFolder, (System.nanoTime() - startNanos) / 1_000_000);
            return new EmbeddedHBase(dataFolder, lifetime, zooKeeper, cluster, client);
        } catch (IOException | RuntimeException | InterruptedException | LinkageError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stopQuietly(cluster, zooKeeper);
            if (lifetime == Lifetime.DELETED_ON_CLOSE) {
                deleteRecursively(dataFolder);
            }
            if (e instanceof EmbeddedHBaseException started) {
                throw started;
            }
            throw new EmbeddedHBaseException("Cannot start the in-process HBase (data folder " + dataFolder + "): "
                    + rootMessage(e) + ". Check that the folder is writable and that the HBase server artifacts"
                    + " (org.apache.hbase:hbase-server) are on the class path"
                    + (lifetime == Lifetime.KEPT ? "; if a killed process left the folder damaged, delete it to start"
                            + " afresh." : "."), e);
        }
    }

    /** A client configuration for this instance: ZooKeeper quorum, port and znode parent, nothing else. */
    public Configuration configuration() {
        return new Configuration(clientConfiguration);
    }

    /** Settings that reach this HBase, for {@link SessionStore#connect}. */
    public HBaseSettings settings() {
        return HBaseSettings.forZooKeeper(zooKeeperAddress());
    }

    /** The ZooKeeper quorum as {@code host:port}, the address an ordinary HBase client needs. */
    public String zooKeeperAddress() {
        return clientConfiguration.get(HConstants.ZOOKEEPER_QUORUM) + ":"
                + clientConfiguration.get(HConstants.ZOOKEEPER_CLIENT_PORT);
    }

    /** The ZooKeeper client port. */
    public int zooKeeperPort() {
        return clientConfiguration.getInt(HConstants.ZOOKEEPER_CLIENT_PORT, -1);
    }

    /** The folder that holds the tables; deleted on {@link #close()} unless started persistent. */
    public Path dataFolder() {
        return dataFolder;
    }

    /**
     * Stops HBase and ZooKeeper (the region server flushes its tables to the data folder) and deletes the data folder
     * unless it was started persistent; calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopQuietly(cluster, zooKeeper);
            if (lifetime == Lifetime.DELETED_ON_CLOSE) {
                deleteRecursively(dataFolder);
                LOG.info("In-process HBase stopped, {} deleted", dataFolder);
            } else {
                LOG.info("In-process HBase stopped, its tables kept in {}", dataFolder);
            }
        }
    }

    private static Configuration serverConfiguration(Path dataFolder) {
        Configuration configuration = HBaseConfiguration.create();
        String root = dataFolder.toUri().toString();
        configuration.set(HConstants.HBASE_DIR, root + "hbase");
        configuration.set("hbase.wal.dir", root + "wal");
        configuration.set("hadoop.tmp.dir", dataFolder.resolve("hadoop-tmp").toString());
        configuration.set("hbase.tmp.dir", dataFolder.resolve("hbase-tmp").toString());
        configuration.setBoolean(HConstants.CLUSTER_DISTRIBUTED, false);
        // The local filesystem has no hflush/hsync; HBase refuses it for WALs unless told this is a test set-up.
        configuration.setBoolean("hbase.unsafe.stream.capability.enforce", false);
        configuration.set("hbase.wal.provider", "filesystem");
        configuration.setBoolean(LocalHBaseCluster.ASSIGN_RANDOM_PORTS, true);
        configuration.setInt(HConstants.MASTER_PORT, 0);
        configuration.setInt(HConstants.REGIONSERVER_PORT, 0);
        // Web UIs off: Spark's jakarta.validation breaks HBase's shaded Jersey, and nobody needs them here.
        configuration.setInt(HConstants.MASTER_INFO_PORT, -1);
        configuration.setInt(HConstants.REGIONSERVER_INFO_PORT, -1);
        configuration.set("hbase.master.ipc.address", LOOPBACK);
        configuration.set("hbase.regionserver.ipc.address", LOOPBACK);
        configuration.set("hbase.master.hostname", LOOPBACK);
        configuration.set("hbase.unsafe.regionserver.hostname", LOOPBACK);
        configuration.set(HConstants.ZOOKEEPER_QUORUM, LOOPBACK);
        configuration.setInt("hbase.master.wait.on.regionservers.mintostart", 1);
        configuration.setInt("hbase.master.wait.on.regionservers.timeout", 100);
        configuration.setInt("hbase.master.wait.on.regionservers.interval", 100);
        // The region server retries reporting for duty at this interval (3 s by default) while the master is still
        // starting; in one JVM a short interval saves seconds of start-up and its heartbeats cost nothing.
        configuration.setInt("hbase.regionserver.msginterval", 300);
        // The region server shares its JVM with the command (Spark, the embedded MongoDB, the dashboard). HBase's
        // defaults give the block cache and the memstores 40 % of the heap each: a full scan of the sessions then
        // keeps gigabytes of blocks that the rest of the process needs. Scans here read each block about once.
        configuration.setFloat(HConstants.HFILE_BLOCK_CACHE_SIZE_KEY, BLOCK_CACHE_SHARE_OF_HEAP);
        configuration.setFloat("hbase.regionserver.global.memstore.size", MEMSTORE_SHARE_OF_HEAP);
        // A bulk load of `full` adds one HFile per chunk to every store (22 each). With HBase's threshold of 3 the
        // region server compacts them all while the load and Spark's read run, on the same cores: measured at
        // `full`, load 121 s and first read 105 s with compactions, 83 s and 71 s without. Here a store compacts
        // from 32 files on, and flushes wait for a compaction only from 64 (HBase's defaults: 3 and 16).
        configuration.setInt("hbase.hstore.compactionThreshold", FILES_BEFORE_COMPACTION);
        configuration.setInt("hbase.hstore.blockingStoreFiles", 2 * FILES_BEFORE_COMPACTION);
        return configuration;
    }

    private static Configuration clientConfiguration(int zooKeeperPort) {
        Configuration configuration = HBaseConfiguration.create();
        configuration.set(HConstants.ZOOKEEPER_QUORUM, LOOPBACK);
        configuration.setInt(HConstants.ZOOKEEPER_CLIENT_PORT, zooKeeperPort);
        configuration.set(HConstants.ZOOKEEPER_ZNODE_PARENT, HConstants.DEFAULT_ZOOKEEPER_ZNODE_PARENT);
        return configuration;
    }

    private static void waitUntilMetaIsOnline(LocalHBaseCluster cluster, Configuration client, Path dataFolder)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            HMaster master = cluster.getActiveMaster();
            if (cluster.getLiveMasters().isEmpty()) {
                throw new EmbeddedHBaseException("The in-process HBase master stopped during start-up (data folder "
                        + dataFolder + "); its log above says why.", null);
            }
            if (master != null && master.isInitialized()) {
                try (Connection connection = ConnectionFactory.createConnection(client);
                        Admin admin = connection.getAdmin()) {
                    if (admin.isTableAvailable(TableName.META_TABLE_NAME)) {
                        return;
                    }
                }
            }
            // The start is asynchronous and offers no completion callback: poll the master's state.
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new EmbeddedHBaseException("The in-process HBase did not come up within " + START_TIMEOUT.toSeconds()
                + " s (data folder " + dataFolder + "); the master log above says what it waited for.", null);
    }

    private static void stopQuietly(LocalHBaseCluster cluster, MiniZooKeeperCluster zooKeeper) {
        if (cluster != null) {
            try {
                cluster.shutdown();
                cluster.join();
            } catch (RuntimeException e) {
                LOG.warn("In-process HBase did not stop cleanly: {}", e.toString());
            }
        }
        if (zooKeeper != null) {
            try {
                zooKeeper.shutdown();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Mini ZooKeeper did not stop cleanly: {}", e.toString());
            }
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the in-process HBase data folder " + folder, e);
        }
    }

    static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
