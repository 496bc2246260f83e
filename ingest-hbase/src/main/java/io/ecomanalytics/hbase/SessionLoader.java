package io.ecomanalytics.hbase;

import io.ecomanalytics.data.BackgroundBatches;
import io.ecomanalytics.data.RecordStream;
import io.ecomanalytics.data.RejectSink;
import io.ecomanalytics.data.Rule;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.data.ValidatingDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.TableNotFoundException;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.RetriesExhaustedWithDetailsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads sessions into the session table, one row per session (key {@link RowKeys}, cells {@code CELLS.md}).
 *
 * <p>The same session always produces the same key and the same cells (cell timestamps are the session's start), so
 * loading twice leaves the table as loading once, and a load that failed half-way is finished by running it again.
 * A session that cannot be stored (no user id, a start time a row key cannot hold) is rejected with its rule and
 * counted; sessions HBase refuses after the client's retries are counted as failed. Nothing is dropped silently:
 * {@code read = written + rejected + failed}.
 */
final class SessionLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLoader.class);
    private static final int LOGGED_REJECTIONS = 10;
    private static final int PREPARED_BATCH_SESSIONS = 500;

    private SessionLoader() {
    }

    /**
     * Loads the accepted sessions of the dataset folder's {@code sessions_N.json} files, read through the data
     * module's validation: a session that breaks a rule goes to {@code rejects} and is counted in the report under
     * its rule, as are sessions this loader cannot store.
     *
     * @throws SessionStoreException if the table is missing or the load cannot go on (see {@link #load})
     */
    static SessionLoadReport loadDataset(Connection connection, Path datasetFolder, RejectSink rejects,
            SessionLoadOptions options) {
        ValidatingDataset dataset = ValidatingDataset.open(datasetFolder, rejects);
        Counts counts = new Counts();
        LoadProgress progress = progress(options);
        Map<Rule, Long> before;
        try (RecordStream<Session> sessions = dataset.sessions()) {
            // Opening the stream validated users, products and categories; their rejects are not this load's.
            before = dataset.report().rejectsByRule();
            write(connection, sessions, options, counts, progress);
        }
        dataset.report().rejectsByRule().forEach((rule, total) ->
                counts.rejectedUpstream(rule, total - before.getOrDefault(rule, 0L)));
        return report(options, counts, progress);
    }

    /**
     * Loads the sessions the iterator yields, streaming: with {@link LoadMethod#BUFFERED_MUTATOR} only the write
     * buffer is held, with {@link LoadMethod#BULK_LOAD} one chunk of sorted cells.
     *
     * @throws SessionStoreException if the table does not exist, or if HBase fails in a way retries cannot absorb
     *     (the message carries the counts so far; run the load again to finish it)
     */
    static SessionLoadReport load(Connection connection, Iterator<? extends Session> sessions,
            SessionLoadOptions options) {
        Counts counts = new Counts();
        LoadProgress progress = progress(options);
        write(connection, sessions, options, counts, progress);
        return report(options, counts, progress);
    }

    private static LoadProgress progress(SessionLoadOptions options) {
        return new LoadProgress("HBase load (" + options.method() + ") into " + options.tableName(),
                options.expectedSessions(), options.progressInterval());
    }

    private static void write(Connection connection, Iterator<? extends Session> sessions, SessionLoadOptions options,
            Counts counts, LoadProgress progress) {
        try {
            checkTable(connection, options);
            if (options.method() == LoadMethod.BULK_LOAD) {
                loadInBulk(connection, sessions, options, counts, progress);
            } else {
                loadWithMutator(connection, sessions, options, counts, progress);
            }
        } catch (IOException e) {
            throw new SessionStoreException("Loading sessions into " + options.tableName() + " stopped after "
                    + counts.read + " read, " + counts.sent + " sent: " + EmbeddedHBase.rootMessage(e)
                    + ". Check that HBase is up and run the load again; it overwrites what was written.", e);
        }
    }

    private static SessionLoadReport report(SessionLoadOptions options, Counts counts, LoadProgress progress) {
        SessionLoadReport report = new SessionLoadReport(options.method(), counts.read,
                counts.sent - counts.failed.get(),
                counts.rejected, counts.failed.get(), counts.bytes, progress.elapsed());
        LOG.info("HBase load into {} done: {}", options.tableName(), report);
        return report;
    }

    private static void checkTable(Connection connection, SessionLoadOptions options) throws IOException {
        try (var admin = connection.getAdmin()) {
            if (!admin.tableExists(options.tableName())) {
                throw new TableNotFoundException(options.tableName() + " does not exist; create it first with "
                        + "SessionStore.createTable");
            }
        }
    }

    private static void loadWithMutator(Connection connection, Iterator<? extends Session> sessions,
            SessionLoadOptions options, Counts counts, LoadProgress progress) throws IOException {
        BufferedMutatorParams params = new BufferedMutatorParams(options.tableName())
                .writeBufferSize(options.writeBufferBytes())
                .listener((RetriesExhaustedWithDetailsException error, BufferedMutator mutator) -> {
                    counts.failed.addAndGet(error.getNumExceptions());
                    LOG.error("HBase refused {} session(s) after retries, e.g. row '{}': {}", error.getNumExceptions(),
                            new String(error.getRow(0).getRow(), StandardCharsets.UTF_8), error.getCause(0).toString());
                });
        try (BufferedMutator mutator = connection.getBufferedMutator(params);
                BackgroundBatches<Session, Put> puts = prepare(sessions, counts, SessionLoader::put)) {
            for (BackgroundBatches.Batch<Put> batch = puts.next(); batch != null; batch = puts.next()) {
                mutator.mutate(batch.items());
                counts.sent += batch.items().size();
                progress.tick(batch.consumed());
            }
            mutator.flush();
        }
    }

    private static void loadInBulk(Connection connection, Iterator<? extends Session> sessions,
            SessionLoadOptions options,
            Counts counts, LoadProgress progress) throws IOException {
        try (HFileStaging staging = new HFileStaging(connection, options);
                BackgroundBatches<Session, KeyedCells> rows = prepare(sessions, counts, KeyedCells::new)) {
            for (BackgroundBatches.Batch<KeyedCells> batch = rows.next(); batch != null; batch = rows.next()) {
                for (KeyedCells row : batch.items()) {
                    staging.add(row.row(), row.cells());
                }
                progress.tick(batch.consumed());
            }
            counts.sent = staging.load();
        }
    }

    /**
     * Checks, keys and maps the sessions to cells on a thread of its own, so that the next batch is prepared while
     * the current one is written; {@code counts} gets the reads, rejections and cell bytes from that thread.
     */
    private static <R> BackgroundBatches<Session, R> prepare(Iterator<? extends Session> sessions, Counts counts,
            BiFunction<byte[], List<Cell>, R> item) {
        return new BackgroundBatches<>("hbase-loader", () -> sessions, session -> {
            byte[] row = acceptedRow(session, counts);
            if (row == null) {
                return null;
            }
            List<Cell> cells = SessionCells.cells(row, session);
            for (Cell cell : cells) {
                counts.bytes += ((KeyValue) cell).getLength();
            }
            return item.apply(row, cells);
        }, PREPARED_BATCH_SESSIONS);
    }

    private static Put put(byte[] row, List<Cell> cells) {
        Put put = new Put(row, cells.get(0).getTimestamp());
        try {
            for (Cell cell : cells) {
                put.add(cell);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return put;
    }

    /** The session's row key, or {@code null} after counting the session as rejected. */
    private static byte[] acceptedRow(Session session, Counts counts) {
        counts.read++;
        String missing = missingField(session);
        if (missing != null) {
            counts.reject(Rule.REQUIRED, session, "it has no " + missing);
            return null;
        }
        try {
            return RowKeys.encode(session.userId(), session.startTime(), session.sessionId());
        } catch (IllegalArgumentException e) {
            counts.reject(Rule.RANGE, session, e.getMessage());
            return null;
        }
    }

    private static String missingField(Session session) {
        if (session.sessionId() == null || session.sessionId().isEmpty()) {
            return "session_id";
        }
        if (session.userId() == null || session.userId().isEmpty()) {
            return "user_id";
        }
        if (session.startTime() == null) {
            return "start_time";
        }
        if (session.endTime() == null) {
            return "end_time";
        }
        if (session.geoData() == null) {
            return "geo_data";
        }
        if (session.deviceProfile() == null) {
            return "device_profile";
        }
        if (session.conversionStatus() == null) {
            return "conversion_status";
        }
        if (session.referrer() == null) {
            return "referrer";
        }
        return null;
    }

    /** One session's row key and its cells, as the bulk path stages them. */
    private record KeyedCells(byte[] row, List<Cell> cells) {
    }

    private static final class Counts {
        long read;
        long sent;
        long bytes;
        final AtomicLong failed = new AtomicLong();
        final Map<Rule, Long> rejected = new EnumMap<>(Rule.class);

        void rejectedUpstream(Rule rule, long count) {
            if (count > 0) {
                read += count;
                rejected.merge(rule, count, Long::sum);
            }
        }

        void reject(Rule rule, Session session, String reason) {
            long total = rejected.values().stream().mapToLong(Long::longValue).sum();
            rejected.merge(rule, 1L, Long::sum);
            if (total < LOGGED_REJECTIONS) {
                LOG.warn("Session {} (record {} of the input) rejected, rule {}: {}", session.sessionId(), read,
                        rule.wireName(), reason);
            }
        }
    }
}
