package io.ecomanalytics.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process server that speaks the MongoDB wire protocol (mongo-java-server, memory backend), bound to a random
 * loopback port. It stands in for MongoDB in the default run and the tests; clients reach it with the standard
 * {@link #connectionString()}.
 *
 * <p>The memory backend keeps everything on the heap, so the server needs no data folder and leaves nothing behind.
 * It implements a subset of MongoDB: code in this project uses only what real MongoDB supports, and the README lists
 * the gaps worked around. The dependency is optional: a library user who connects to a real MongoDB does not inherit
 * it, and {@link #start()} says how to add it when it is missing.
 */
public final class EmbeddedMongoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final MongoServer server;
    private final InetSocketAddress address;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** Starts a server on a random free loopback port. */
    public static EmbeddedMongoServer start() {
        return start(0);
    }

    /**
     * Starts a server on the given loopback port (0 picks a free one).
     *
     * @throws EmbeddedServerException if the server artifact is missing or the port cannot be bound
     */
    public static EmbeddedMongoServer start(int port) {
        long startNanos = System.nanoTime();
        MongoServer server;
        try {
            server = new MongoServer(new MemoryBackend());
        } catch (NoClassDefFoundError e) {
            throw new EmbeddedServerException("Cannot start the embedded MongoDB-protocol server: its classes are not on"
                    + " the class path (" + e.getMessage() + "). Add de.bwaldvogel:mongo-java-server and"
                    + " mongo-java-server-memory-backend to your dependencies, or pass a mongodb:// URI of a real"
                    + " server.", e);
        }
        try {
            server.bind(LOOPBACK, port);
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared.
            server.shutdownNow();
            throw new EmbeddedServerException("Cannot start the embedded MongoDB-protocol server on " + LOOPBACK + ":"
                    + port + ": " + rootMessage(e) + ". Choose another port (0 picks a free one).", e);
        }
        InetSocketAddress address = server.getLocalAddress();
        LOG.info("Embedded MongoDB-protocol server listening on {}:{} (started in {} ms)", LOOPBACK,
                address.getPort(), (System.nanoTime() - startNanos) / 1_000_000);
        return new EmbeddedMongoServer(server, address);
    }

    /** The standard connection string, e.g. {@code mongodb://127.0.0.1:40123}. */
    public String connectionString() {
        return "mongodb://" + LOOPBACK + ":" + address.getPort();
    }

    /** The bound port. */
    public int port() {
        return address.getPort();
    }

    /** Stops the server and drops its data; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdownNow();
            LOG.info("Embedded MongoDB-protocol server on port {} stopped", address.getPort());
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
