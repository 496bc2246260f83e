package io.ecomanalytics.hbase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.hadoop.hbase.HRegionLocation;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.RegionInfo;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.FilterList;
import org.apache.hadoop.hbase.filter.FirstKeyOnlyFilter;
import org.apache.hadoop.hbase.filter.KeyOnlyFilter;

/**
 * Reads sessions back from the session table.
 *
 * <ul>
 *   <li>One user's sessions are one contiguous key range ({@code <user_id>_...}): a short scan of one region, in
 *       time order.</li>
 *   <li>All users' sessions in a time range use the cells' timestamps (each cell carries its session's start time):
 *       the region servers skip store files whose time range does not overlap, and rows outside it are never sent.</li>
 * </ul>
 * An instance is cheap and thread-safe; it does not own the connection.
 */
final class SessionQueries {
    private static final int SCAN_CACHING = 500;

    private final Connection connection;
    private final TableName tableName;

    SessionQueries(Connection connection, TableName tableName) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** Every session of one user, oldest first. */
    List<StoredSession> sessionsOfUser(String userId) {
        byte[] prefix = RowKeys.userPrefix(userId);
        return collectUser(userId, new Scan().withStartRow(prefix).withStopRow(stopAfterPrefix(prefix)));
    }

    /**
     * The {@code limit} latest sessions of one user, oldest first: a reversed scan from the end of the user's rows
     * that stops after {@code limit} of them, so its cost does not grow with the user's history.
     */
    List<StoredSession> latestSessionsOfUser(String userId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The number of latest sessions must be at least 1, not " + limit);
        }
        byte[] prefix = RowKeys.userPrefix(userId);
        Scan scan = new Scan().withStartRow(stopAfterPrefix(prefix), false).withStopRow(prefix, true)
                .setReversed(true).setCaching(Math.min(limit, SCAN_CACHING));
        List<StoredSession> sessions = new ArrayList<>();
        try (Table table = connection.getTable(tableName); ResultScanner scanner = table.getScanner(scan)) {
            for (Result row : scanner) {
                if (isOfUser(row, userId)) {
                    sessions.add(stored(row));
                    if (sessions.size() == limit) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw failure("scan the latest sessions of user " + userId, e);
        }
        Collections.reverse(sessions);
        return sessions;
    }

    /** How many sessions one user has: a scan of the user's row keys, no cell values. */
    long sessionCountOfUser(String userId) {
        byte[] prefix = RowKeys.userPrefix(userId);
        Scan scan = new Scan().withStartRow(prefix).withStopRow(stopAfterPrefix(prefix)).setCaching(SCAN_CACHING)
                .setFilter(new FilterList(new FirstKeyOnlyFilter(), new KeyOnlyFilter()));
        long count = 0;
        try (Table table = connection.getTable(tableName); ResultScanner scanner = table.getScanner(scan)) {
            for (Result row : scanner) {
                if (isOfUser(row, userId)) {
                    count++;
                }
            }
        } catch (IOException e) {
            throw failure("count the sessions of user " + userId, e);
        }
        return count;
    }

    /** One user's sessions that start in {@code [from, to)}, oldest first. */
    List<StoredSession> sessionsOfUser(String userId, Instant from, Instant to) {
        checkRange(from, to);
        // Row keys hold whole seconds: scan the covering seconds, then keep the exact range.
        Instant lastSecond = to.minusNanos(1);
        byte[] stop = stopAfterPrefix(RowKeys.userTimeBound(userId, lastSecond));
        List<StoredSession> sessions = collectUser(userId,
                new Scan().withStartRow(RowKeys.userTimeBound(userId, from)).withStopRow(stop));
        sessions.removeIf(stored -> stored.session().startTime().isBefore(from)
                || !stored.session().startTime().isBefore(to));
        return sessions;
    }

    /**
     * Calls {@code action} for every session of every user that starts in {@code [from, to)}, in row key order
     * (by user, then time), without holding them in memory. Returns how many there were.
     */
    long forEachSessionBetween(Instant from, Instant to, Consumer<StoredSession> action) {
        checkRange(from, to);
        Scan scan = new Scan().setCaching(SCAN_CACHING);
        long count = 0;
        try {
            scan.setTimeRange(from.toEpochMilli(), ceilingMillis(to));
            try (Table table = connection.getTable(tableName); ResultScanner scanner = table.getScanner(scan)) {
                for (Result row : scanner) {
                    StoredSession stored = stored(row);
                    // Cell timestamps are milliseconds; the session's own start time decides at the edges.
                    Instant start = stored.session().startTime();
                    if (!start.isBefore(from) && start.isBefore(to)) {
                        action.accept(stored);
                        count++;
                    }
                }
            }
        } catch (IOException e) {
            throw failure("scan sessions between " + from + " and " + to, e);
        }
        return count;
    }

    /** The number of sessions in each region, in key order. */
    List<RegionCount> countsPerRegion() {
        List<RegionCount> counts = new ArrayList<>();
        try (RegionLocator locator = connection.getRegionLocator(tableName);
                Table table = connection.getTable(tableName)) {
            for (HRegionLocation location : locator.getAllRegionLocations()) {
                RegionInfo region = location.getRegion();
                Scan scan = new Scan().withStartRow(region.getStartKey()).withStopRow(region.getEndKey())
                        .setCaching(5_000)
                        .setFilter(new FilterList(new FirstKeyOnlyFilter(), new KeyOnlyFilter()));
                long rows = 0;
                try (ResultScanner scanner = table.getScanner(scan)) {
                    while (scanner.next() != null) {
                        rows++;
                    }
                }
                counts.add(new RegionCount(region.getEncodedName(), text(region.getStartKey()),
                        text(region.getEndKey()), rows));
            }
        } catch (IOException e) {
            throw failure("count the sessions per region", e);
        }
        return counts;
    }

    private List<StoredSession> collectUser(String userId, Scan scan) {
        List<StoredSession> sessions = new ArrayList<>();
        scan.setCaching(SCAN_CACHING);
        try (Table table = connection.getTable(tableName); ResultScanner scanner = table.getScanner(scan)) {
            for (Result row : scanner) {
                if (isOfUser(row, userId)) {
                    sessions.add(stored(row));
                }
            }
        } catch (IOException e) {
            throw failure("scan the sessions of user " + userId, e);
        }
        return sessions;
    }

    /** A user id that extends another past an underscore ("u_1" vs "u_1_2") shares its key prefix. */
    private static boolean isOfUser(Result row, String userId) {
        return RowKeys.decode(row.getRow()).userId().equals(userId);
    }

    private static StoredSession stored(Result row) {
        return new StoredSession(text(row.getRow()), SessionCells.session(row), SessionCells.metrics(row));
    }

    /** The smallest key greater than every key starting with {@code prefix}. */
    private static byte[] stopAfterPrefix(byte[] prefix) {
        byte[] stop = prefix.clone();
        for (int i = stop.length - 1; i >= 0; i--) {
            if (stop[i] != (byte) 0xff) {
                stop[i]++;
                return Arrays.copyOf(stop, i + 1);
            }
        }
        return new byte[0];
    }

    private static long ceilingMillis(Instant time) {
        return time.toEpochMilli() + (time.getNano() % 1_000_000 == 0 ? 0 : 1);
    }

    private static void checkRange(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The time range [" + from + ", " + to + ") is empty; 'from' must come "
                    + "before 'to'");
        }
    }

    private SessionStoreException failure(String what, IOException e) {
        return new SessionStoreException("Cannot " + what + " in " + tableName + ": " + EmbeddedHBase.rootMessage(e)
                + ". Check that HBase is up and that the table exists.", new UncheckedIOException(e));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
