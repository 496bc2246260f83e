package io.ecomanalytics.dashboard;

import io.ecomanalytics.hbase.HBaseSettings;
import io.ecomanalytics.mongo.MongoSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the dashboard reads and where it listens.
 *
 * @param mongo        the MongoDB database holding users, products, categories, transactions and the results
 * @param hbase        the HBase cluster holding the sessions
 * @param sessionTable the sessions table, {@code namespace:table}
 * @param bindAddress  the address the server listens on; loopback ({@value #LOOPBACK}) unless another is wanted
 * @param port         the TCP port, 0 for a free one
 * @param storeTimeout the longest a request waits for the stores before it answers 503
 * @param orderLookup  how a customer page finds the customer's orders: {@link OrderLookup#USER_ID_INDEX} unless the
 *                     MongoDB is the embedded stand-in
 */
public record DashboardSettings(MongoSettings mongo, HBaseSettings hbase, String sessionTable, String bindAddress,
                                int port, Duration storeTimeout, OrderLookup orderLookup) {

    /** The loopback address the dashboard binds to by default: only this machine can reach it. */
    public static final String LOOPBACK = "127.0.0.1";
    private static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofSeconds(10);

    public DashboardSettings {
        Objects.requireNonNull(mongo, "mongo");
        Objects.requireNonNull(hbase, "hbase");
        Objects.requireNonNull(sessionTable, "sessionTable");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(storeTimeout, "storeTimeout");
        Objects.requireNonNull(orderLookup, "orderLookup");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("HTTP port " + port + " is not a TCP port; pass 0 for a free port or"
                    + " 1-65535");
        }
        if (storeTimeout.isNegative() || storeTimeout.isZero()) {
            throw new IllegalArgumentException("The store timeout must be positive, not " + storeTimeout);
        }
    }

    /**
     * Settings for these stores, on loopback, a free port, a 10 s store timeout, and orders found with the
     * {@code user_id} index.
     */
    public static DashboardSettings of(MongoSettings mongo, HBaseSettings hbase, String sessionTable) {
        return new DashboardSettings(mongo, hbase, sessionTable, LOOPBACK, 0, DEFAULT_STORE_TIMEOUT,
                OrderLookup.USER_ID_INDEX);
    }

    /** These settings listening on another address. */
    public DashboardSettings withBindAddress(String address) {
        return new DashboardSettings(mongo, hbase, sessionTable, address, port, storeTimeout, orderLookup);
    }

    /** These settings listening on another port (0 for a free one). */
    public DashboardSettings withPort(int otherPort) {
        return new DashboardSettings(mongo, hbase, sessionTable, bindAddress, otherPort, storeTimeout, orderLookup);
    }

    /** These settings with another bound on the stores' answers. */
    public DashboardSettings withStoreTimeout(Duration timeout) {
        return new DashboardSettings(mongo, hbase, sessionTable, bindAddress, port, timeout, orderLookup);
    }

    /** These settings finding a customer's orders another way. */
    public DashboardSettings withOrderLookup(OrderLookup lookup) {
        return new DashboardSettings(mongo, hbase, sessionTable, bindAddress, port, storeTimeout, lookup);
    }
}
