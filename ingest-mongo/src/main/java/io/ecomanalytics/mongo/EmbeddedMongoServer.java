package io.ecomanalytics.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process server that speaks the MongoDB wire protocol (mongo-java-server), bound to a random loopback port. It
 * stands in for MongoDB in the default run and the tests; clients reach it with the standard
 * {@link #connectionString()}.
 *
 * <p>{@link #start()} uses the memory backend: everything on the heap, no data folder, nothing left behind.
 * {@link #startPersistent(Path)} uses the H2 backend instead: the documents live in one MVStore file in a folder that
 * outlives the server, so a later server on the same folder finds them again.
 * It implements a subset of MongoDB: code in this project uses only what real MongoDB supports, and the README lists
 * the gaps worked around. The dependency is optional: a library user who connects to a real MongoDB does not inherit
 * it, and {@link #start()} says how to add it when it is missing.
 */
public final class EmbeddedMongoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private static final String LOOPBACK = "127.0.0.1";
    /** The H2 MVStore file of a persistent server, inside its folder. */
    public static final String STORE_FILE = "mongodb.mv.db";

    private final MongoServer server;
    private final MongoBackend backend;
    /** Writes what the backend holds to its file; nothing for the memory backend. */
    private final Runnable flush;
    private final InetSocketAddress address;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedMongoServer(MongoServer server, StartedBackend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend.backend();
        this.flush = backend.flush();
        this.address = address;
    }

    /** A backend and how to write it to disk (a lambda, so a memory-only class path never loads the H2 classes). */
    private record StartedBackend(MongoBackend backend, Runnable flush) {
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
        return start(port, () -> new StartedBackend(new MemoryBackend(), () -> { }), "memory");
    }

    /**
     * Starts a server on a random free loopback port that keeps its documents in {@code folder} (created when
     * missing), in the file {@value #STORE_FILE}: a server started later on the same folder serves them again. The
     * file stays locked while the server runs. What a killed process committed is kept (H2 commits about every
     * second and on {@link #close()}); a file the server cannot open is named in the exception, and deleting the
     * folder starts afresh.
     *
     * @throws EmbeddedServerException if the H2 backend is missing, the folder cannot be created or the file cannot
     *     be opened (locked by another process, or damaged)
     */
    public static EmbeddedMongoServer startPersistent(Path folder) {
        Path file = folder.resolve(STORE_FILE);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new EmbeddedServerException("Cannot create the embedded MongoDB store folder " + folder + ": "
                    + e.getMessage() + ". Check that the location is writable.", e);
        }
        return start(0, () -> openH2(file), "H2 file " + file);
    }

    private static StartedBackend openH2(Path file) {
        try {
            H2Backend backend = new H2Backend(file.toString());
            return new StartedBackend(backend, backend::commit);
        } catch (RuntimeException e) {
            throw new EmbeddedServerException("Cannot open the embedded MongoDB store file " + file + ": "
                    + firstLine(rootCause(e).getMessage()) + ". Another process may be using it; if none is,"
                    + " the file is damaged: delete " + file.getParent() + " to start afresh.", e);
        }
    }

    private static EmbeddedMongoServer start(int port, Supplier<StartedBackend> backend, String storage) {
        long startNanos = System.nanoTime();
        StartedBackend opened;
        MongoServer server;
        try {
            opened = backend.get();
            server = new MongoServer(opened.backend());
        } catch (NoClassDefFoundError e) {
            throw new EmbeddedServerException("Cannot start the embedded MongoDB-protocol server: its classes are not on"
                    + " the class path (" + e.getMessage() + "). Add de.bwaldvogel:mongo-java-server and"
                    + " mongo-java-server-memory-backend (mongo-java-server-h2-backend for a persistent store) to"
                    + " your dependencies, or pass a mongodb:// URI of a real server.", e);
        }
        try {
            server.bind(LOOPBACK, port);
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared.
            server.shutdownNow();
            // The server's shutdown leaves the backend open: an H2 file would stay locked.
            opened.backend().close();
            throw new EmbeddedServerException("Cannot start the embedded MongoDB-protocol server on " + LOOPBACK + ":"
                    + port + ": " + rootMessage(e) + ". Choose another port (0 picks a free one).", e);
        }
        InetSocketAddress address = server.getLocalAddress();
        LOG.info("Embedded MongoDB-protocol server listening on {}:{}, storing in {} (started in {} ms)", LOOPBACK,
                address.getPort(), storage, (System.nanoTime() - startNanos) / 1_000_000);
        return new EmbeddedMongoServer(server, opened, address);
    }

    /** The standard connection string, e.g. {@code mongodb://127.0.0.1:40123}. */
    public String connectionString() {
        return "mongodb://" + LOOPBACK + ":" + address.getPort();
    }

    /** The bound port. */
    public int port() {
        return address.getPort();
    }

    /**
     * Writes every write acknowledged so far to the store file of a persistent server now, rather than within the
     * next second, so that a process killed afterwards keeps them; a memory server has no file and does nothing.
     */
    public void flush() {
        flush.run();
    }

    /**
     * Stops the server; calling it again does nothing. A memory server's data are gone; a persistent server commits
     * and closes its file.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdownNow();
            backend.close();
            LOG.info("Embedded MongoDB-protocol server on port {} stopped", address.getPort());
        }
    }

    static String rootMessage(Throwable error) {
        Throwable cause = rootCause(error);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.strip().lines().findFirst().orElse("no reason given");
    }
}
