package io.ecomanalytics.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ecomanalytics.hbase.HBaseSettings;
import io.ecomanalytics.hbase.SessionStore;
import io.ecomanalytics.mongo.MongoSettings;
import io.ecomanalytics.mongo.MongoStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactive dashboard: pages and a read-only JSON API over the stores, served by the JDK's own HTTP server
 * ({@code com.sun.net.httpserver}), which needs no dependency and so cannot clash with the Jetty 9.4 that Hadoop and
 * HBase bring onto the class path.
 *
 * <pre>{@code
 * try (Dashboard dashboard = Dashboard.start(DashboardSettings.of(mongo, hbase, "ecommerce:user_sessions"))) {
 *     System.out.println("dashboard " + dashboard.address());
 * }
 * }</pre>
 */
public final class Dashboard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    private static final int REQUEST_THREADS = 4;
    private static final int STORE_THREADS = 8;
    private static final int BACKLOG = 64;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final ExecutorService storeThreads;
    private final MongoStore mongo;
    private final MongoStore figures;
    private final LazySessionStore sessions;

    private Dashboard(HttpServer server, ExecutorService requestThreads, ExecutorService storeThreads,
            MongoStore mongo, MongoStore figures, LazySessionStore sessions) {
        this.server = server;
        this.requestThreads = requestThreads;
        this.storeThreads = storeThreads;
        this.mongo = mongo;
        this.figures = figures;
        this.sessions = sessions;
    }

    /**
     * Connects to the stores (lazily: a store that does not answer makes the requests that need it answer 503, it
     * does not stop the server) and starts listening.
     *
     * @throws UncheckedIOException when the address cannot be bound (a port in use, an address not of this machine)
     */
    public static Dashboard start(DashboardSettings settings) {
        // The JDK's server flushes the headers before the body: without TCP_NODELAY, Nagle's algorithm holds the body
        // until the client acknowledges the headers, which a client delays by up to 40 ms, on every response. The
        // property is read when the first server of the JVM is created; a value set by the user is kept.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        MongoStore mongo = MongoStore.connect(withTimeouts(settings.mongo(), settings.storeTimeout()));
        MongoStore figures = MongoStore.connect(withConnectTimeouts(settings.mongo(), settings.storeTimeout()));
        LazySessionStore sessions = new LazySessionStore(settings.hbase()
                .withRetries(1, settings.storeTimeout()), settings.sessionTable());
        ExecutorService requestThreads = Executors.newFixedThreadPool(REQUEST_THREADS, daemons("dashboard-http"));
        ExecutorService storeThreads = Executors.newFixedThreadPool(STORE_THREADS, daemons("dashboard-store"));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()),
                    BACKLOG);
            ObjectMapper mapper = new ObjectMapper();
            StoreQueries queries = new StoreQueries(mapper, mongo, figures, sessions, settings.orderLookup(),
                    storeThreads);
            server.createContext("/api/", new ApiHandler(mapper, queries, storeThreads, settings.storeTimeout()));
            server.createContext("/", new PageHandler(mapper));
            server.setExecutor(requestThreads);
            server.start();
            storeThreads.execute(queries::computeKeptFigures);
            Dashboard dashboard = new Dashboard(server, requestThreads, storeThreads, mongo, figures, sessions);
            LOG.info("Dashboard listening on {}", dashboard.address());
            return dashboard;
        } catch (IOException e) {
            requestThreads.shutdownNow();
            storeThreads.shutdownNow();
            mongo.close();
            figures.close();
            throw new UncheckedIOException("Cannot listen on " + settings.bindAddress() + ":" + settings.port()
                    + ": " + e.getMessage() + ". Pass a free port (or 0 for any) and an address of this machine.", e);
        }
    }

    /** The root of the dashboard, e.g. {@code http://127.0.0.1:41234/}. */
    public URI address() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort() + "/");
    }

    /** Stops listening, ends the requests in flight and closes the store connections. */
    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
        storeThreads.shutdownNow();
        try {
            requestThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            sessions.close();
        } finally {
            try {
                mongo.close();
            } finally {
                figures.close();
            }
        }
    }

    /**
     * The settings' URI with bounded server selection, connect and socket timeouts (unless the URI sets its own), so
     * that a MongoDB that does not answer fails a query instead of holding a thread.
     */
    static MongoSettings withTimeouts(MongoSettings settings, Duration timeout) {
        return withTimeouts(settings, timeout, List.of("serverSelectionTimeoutMS", "connectTimeoutMS",
                "socketTimeoutMS"));
    }

    /**
     * The settings' URI with bounded server selection and connect timeouts only (unless the URI sets its own): for the
     * figures over whole collections, whose reads take as long as the collection is large.
     */
    static MongoSettings withConnectTimeouts(MongoSettings settings, Duration timeout) {
        return withTimeouts(settings, timeout, List.of("serverSelectionTimeoutMS", "connectTimeoutMS"));
    }

    private static MongoSettings withTimeouts(MongoSettings settings, Duration timeout, List<String> bounded) {
        String uri = settings.uri();
        long millis = timeout.toMillis();
        StringBuilder options = new StringBuilder();
        for (String option : bounded) {
            if (!uri.toLowerCase(Locale.ROOT).contains(option.toLowerCase(Locale.ROOT) + "=")) {
                options.append(options.length() == 0 ? "" : "&").append(option).append('=').append(millis);
            }
        }
        if (options.length() == 0) {
            return settings;
        }
        int query = uri.indexOf('?');
        String separator;
        if (query < 0) {
            int hostsStart = uri.indexOf("://") + 3;
            separator = uri.indexOf('/', hostsStart) < 0 ? "/?" : "?";
        } else {
            separator = query == uri.length() - 1 ? "" : "&";
        }
        return new MongoSettings(uri + separator + options, settings.database(), settings.sparkPartitioner());
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Connects to HBase on first use, and again after a failure, so that HBase can come up after the server. */
    static final class LazySessionStore implements Supplier<SessionStore>, AutoCloseable {
        private final HBaseSettings settings;
        private final String table;
        private SessionStore store;

        LazySessionStore(HBaseSettings settings, String table) {
            this.settings = settings;
            this.table = table;
        }

        @Override
        public synchronized SessionStore get() {
            if (store == null) {
                store = SessionStore.connect(settings, table);
            }
            return store;
        }

        @Override
        public synchronized void close() {
            if (store != null) {
                store.close();
            }
        }
    }
}
