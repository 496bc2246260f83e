package io.ecomanalytics.streaming;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.ecomanalytics.data.EntityType;
import io.ecomanalytics.data.EventValidator;
import io.ecomanalytics.data.Session;
import io.ecomanalytics.data.Transaction;
import io.ecomanalytics.mongo.MongoCollectionName;
import io.ecomanalytics.mongo.MongoStore;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.storage.StorageLevel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live path: one Structured Streaming query that reads {@link EventTopics#TRANSACTIONS} and
 * {@link EventTopics#SESSIONS} and, per micro-batch, validates every event with the batch path's rules
 * ({@link LiveEvents}), sends rejects with their rule to {@link EventTopics#REJECTS}, upserts transactions into
 * MongoDB and sessions into HBase, and updates {@code live_metrics} ({@link LiveMetrics}). Every write is an upsert by
 * id, and Spark re-runs an unfinished batch with the same id and events after a restart from the same checkpoint,
 * so the stores see each event's effect exactly once.
 *
 * <pre>{@code
 * try (LiveStream stream = LiveStream.start(spark, settings, System.out::println)) {
 *     stream.awaitIdle(Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>References (users, products, categories) resolve against what MongoDB holds when the stream starts.
 */
public final class LiveStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);
    private static final long POLL_MILLIS = 250;
    private static final int SINK_CHUNK = 1_000;

    private final SparkSession spark;
    private final StreamingQuery query;
    private final StreamingQueryListener listener;
    private final Totals totals;

    private LiveStream(SparkSession spark, StreamingQuery query, StreamingQueryListener listener, Totals totals) {
        this.spark = spark;
        this.query = query;
        this.listener = listener;
        this.totals = totals;
    }

    /**
     * Starts the query; progress lines (one per micro-batch) go to {@code progressLines}.
     *
     * @throws LiveStreamException if Kafka or a store cannot be reached, or the query does not start
     */
    public static LiveStream start(SparkSession spark, LiveStreamSettings settings, Consumer<String> progressLines) {
        TopicSetup.ensureTopics(settings.bootstrapServers());
        SinkConnections connections = SinkConnections.of(settings.targets());
        MongoStore mongo = connections.mongo();
        mongo.createSchema();
        EventValidator validator = referenceData(mongo);
        Map<String, String> productCategories = productCategories(mongo);
        LiveMetricsWriter metrics = new LiveMetricsWriter(mongo.database(), settings.watermarkDelay());
        if (isNewCheckpoint(spark, settings.checkpoint())) {
            // A new checkpoint reads the topics from the start: the metrics are rebuilt from the first event, so the
            // contributions of an earlier run (under other batch ids) must not count twice.
            metrics.clear();
        }
        Totals totals = new Totals();
        StoreTargets targets = settings.targets();

        DataStreamReader source = spark.readStream().format("kafka")
                .option("kafka.bootstrap.servers", settings.bootstrapServers())
                .option("subscribe", EventTopics.TRANSACTIONS + "," + EventTopics.SESSIONS)
                .option("startingOffsets", "earliest");
        if (settings.maxEventsPerBatch() > 0) {
            source = source.option("maxOffsetsPerTrigger", settings.maxEventsPerBatch());
        }
        Dataset<Row> events = source.load();
        StreamingQueryListener listener = new ProgressPrinter(progressLines, totals);
        spark.streams().addListener(listener);
        try {
            VoidFunction2<Dataset<Row>, Long> eachBatch = (batch, batchId) -> processBatch(batch, batchId, validator,
                    productCategories, metrics, targets, settings.bootstrapServers(), totals);
            StreamingQuery query = events.writeStream()
                    .queryName("ecommerce-live")
                    .option("checkpointLocation", settings.checkpoint())
                    .trigger(Trigger.ProcessingTime(settings.trigger().toMillis()))
                    .foreachBatch(eachBatch)
                    .start();
            totals.queryId.set(query.id().toString());
            return new LiveStream(spark, query, listener, totals);
        } catch (TimeoutException e) {
            spark.streams().removeListener(listener);
            throw new LiveStreamException("The stream did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Returns once no new event arrived for {@code idle} (counted from the first completed trigger) and the query has
     * stopped, or when the query ends on its own.
     *
     * @throws LiveStreamException if the query failed
     */
    public void awaitIdle(Duration idle) {
        try {
            while (!query.awaitTermination(POLL_MILLIS)) {
                long lastActivity = totals.lastActivityNanos.get();
                if (lastActivity != 0 && !totals.batchRunning() && System.nanoTime() - lastActivity >= idle.toNanos()) {
                    LOG.info("No new events for {} s: stopping the stream", idle.toSeconds());
                    query.stop();
                    return;
                }
                if (lastActivity == 0 && query.lastProgress() != null) {
                    totals.lastActivityNanos.compareAndSet(0, System.nanoTime());
                }
            }
        } catch (StreamingQueryException e) {
            throw failed(e);
        } catch (TimeoutException e) {
            throw new LiveStreamException("The stream did not stop in time: " + e.getMessage(), e);
        }
    }

    /** Waits until the query ends (stopped elsewhere, or failed). */
    public void awaitTermination() {
        try {
            query.awaitTermination();
        } catch (StreamingQueryException e) {
            throw failed(e);
        }
    }

    /** Events read, transactions and sessions stored, and events rejected by this run so far. */
    public StreamTotals totals() {
        return new StreamTotals(totals.batches.get(), totals.read.get(), totals.transactions.get(),
                totals.sessions.get(), totals.rejected.get());
    }

    /** Stops the query (if running) and closes the sinks' connections. */
    @Override
    public void close() {
        try {
            if (query.isActive()) {
                query.stop();
            }
        } catch (TimeoutException e) {
            LOG.warn("The stream did not stop in time", e);
        } finally {
            spark.streams().removeListener(listener);
            SinkConnections.closeAll();
        }
    }

    private static boolean isNewCheckpoint(SparkSession spark, String checkpoint) {
        org.apache.hadoop.fs.Path offsets = new org.apache.hadoop.fs.Path(checkpoint, "offsets");
        try {
            return !offsets.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(offsets);
        } catch (IOException e) {
            throw new LiveStreamException("Cannot read the checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    private static LiveStreamException failed(StreamingQueryException e) {
        Throwable cause = e.cause() == null ? e : e.cause();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return new LiveStreamException("The stream stopped on a failure: " + cause.getMessage(), e);
    }

    private static void processBatch(Dataset<Row> batch, long batchId, EventValidator validator,
            Map<String, String> productCategories, LiveMetricsWriter metrics, StoreTargets targets,
            String bootstrapServers, Totals totals) {
        totals.batchStarted();
        long startNanos = System.nanoTime();
        try {
            Dataset<Row> validated = LiveEvents.validate(batch, validator).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                Row counts = validated.agg(
                        sum(when(col("accepted").and(col("topic").equalTo(EventTopics.TRANSACTIONS)), 1L)
                                .otherwise(0L)),
                        sum(when(col("accepted").and(col("topic").equalTo(EventTopics.SESSIONS)), 1L).otherwise(0L)),
                        sum(when(col("accepted"), 0L).otherwise(1L)),
                        max(col("event_time"))).first();
                long transactions = counts.isNullAt(0) ? 0 : counts.getLong(0);
                long sessions = counts.isNullAt(1) ? 0 : counts.getLong(1);
                long rejected = counts.isNullAt(2) ? 0 : counts.getLong(2);
                long validatedNanos = System.nanoTime();
                if (rejected > 0) {
                    LiveEvents.rejects(validated).write().format("kafka")
                            .option("kafka.bootstrap.servers", bootstrapServers)
                            .option("topic", EventTopics.REJECTS)
                            .save();
                }
                // One job for both stores: a Kafka partition holds one topic's events, so each task writes one store.
                ForeachPartitionFunction<Row> store = rows -> upsert(rows, validator, targets);
                validated.filter(col("accepted")).select("topic", "value").foreachPartition(store);
                long storedNanos = System.nanoTime();
                Timestamp watermark = metrics.watermarkFor(batchId);
                List<Row> contributions = LiveMetrics.contributions(validated, productCategories, watermark)
                        .collectAsList();
                long aggregatedNanos = System.nanoTime();
                int windows = metrics.write(batchId, contributions);
                metrics.recordBatch(batchId, watermark, counts.getTimestamp(3));
                long doneNanos = System.nanoTime();
                LOG.info("Batch {}: validate {} ms, rejects and stores {} ms, metrics aggregate {} ms, metrics write {}"
                        + " ms ({} windows)", batchId, millis(validatedNanos - startNanos),
                        millis(storedNanos - validatedNanos), millis(aggregatedNanos - storedNanos),
                        millis(doneNanos - aggregatedNanos), windows);
                totals.batchDone(transactions, sessions, rejected, watermark);
            } finally {
                validated.unpersist();
            }
        } finally {
            totals.batchEnded();
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void upsert(Iterator<Row> rows, EventValidator validator, StoreTargets targets) {
        List<Transaction> transactions = new ArrayList<>(SINK_CHUNK);
        List<Session> sessions = new ArrayList<>(SINK_CHUNK);
        while (rows.hasNext()) {
            Row row = rows.next();
            if (EventTopics.TRANSACTIONS.equals(row.getString(0))) {
                transactions.add(validator.validate(EntityType.TRANSACTIONS, row.getString(1)).record());
            } else {
                sessions.add(validator.validate(EntityType.SESSIONS, row.getString(1)).record());
            }
            if (transactions.size() == SINK_CHUNK || !rows.hasNext() && !transactions.isEmpty()) {
                SinkConnections.of(targets).transactions().upsert(transactions);
                transactions.clear();
            }
            if (sessions.size() == SINK_CHUNK || !rows.hasNext() && !sessions.isEmpty()) {
                SinkConnections.of(targets).sessions().upsert(sessions);
                sessions.clear();
            }
        }
    }

    private static EventValidator referenceData(MongoStore mongo) {
        return EventValidator.withReferences(ids(mongo, MongoCollectionName.USERS),
                ids(mongo, MongoCollectionName.PRODUCTS), ids(mongo, MongoCollectionName.CATEGORIES));
    }

    private static Set<String> ids(MongoStore mongo, MongoCollectionName collection) {
        Set<String> ids = new HashSet<>();
        for (Document document : mongo.collection(collection).find().projection(new Document("_id", 1))
                .batchSize(MongoStore.SCAN_BATCH_SIZE)) {
            ids.add(document.get("_id").toString());
        }
        return ids;
    }

    private static Map<String, String> productCategories(MongoStore mongo) {
        Map<String, String> categories = new HashMap<>();
        for (Document document : mongo.collection(MongoCollectionName.PRODUCTS).find()
                .projection(new Document("_id", 1).append("category_id", 1)).batchSize(MongoStore.SCAN_BATCH_SIZE)) {
            String category = document.getString("category_id");
            if (category != null) {
                categories.put(document.get("_id").toString(), category);
            }
        }
        return categories;
    }

    /** Counts of this run, shared between the batch function and the listener (both on the driver). */
    private static final class Totals {
        final AtomicReference<String> queryId = new AtomicReference<>();
        final AtomicLong batches = new AtomicLong();
        final AtomicLong read = new AtomicLong();
        final AtomicLong transactions = new AtomicLong();
        final AtomicLong sessions = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong lastActivityNanos = new AtomicLong();
        final AtomicLong running = new AtomicLong();
        final AtomicReference<Timestamp> watermark = new AtomicReference<>();

        void batchStarted() {
            running.incrementAndGet();
            lastActivityNanos.set(System.nanoTime());
        }

        void batchDone(long newTransactions, long newSessions, long newRejected, Timestamp batchWatermark) {
            batches.incrementAndGet();
            read.addAndGet(newTransactions + newSessions + newRejected);
            transactions.addAndGet(newTransactions);
            sessions.addAndGet(newSessions);
            rejected.addAndGet(newRejected);
            watermark.set(batchWatermark);
        }

        void batchEnded() {
            running.decrementAndGet();
            lastActivityNanos.set(System.nanoTime());
        }

        boolean batchRunning() {
            return running.get() > 0;
        }
    }

    /** One stdout line per micro-batch: input rows, rows/s, batch duration, event-time watermark. */
    private static final class ProgressPrinter extends StreamingQueryListener {
        private final Consumer<String> lines;
        private final Totals totals;

        ProgressPrinter(Consumer<String> lines, Totals totals) {
            this.lines = lines;
            this.totals = totals;
        }

        @Override
        public void onQueryStarted(QueryStartedEvent event) {
        }

        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            StreamingQueryProgress progress = event.progress();
            if (!progress.id().toString().equals(totals.queryId.get()) || progress.numInputRows() == 0) {
                return;
            }
            Timestamp watermark = totals.watermark.get();
            lines.accept(String.format(Locale.ROOT, "batch %d: %,d rows, %,.1f rows/s, %,d ms, watermark %s",
                    progress.batchId(), progress.numInputRows(), progress.processedRowsPerSecond(),
                    progress.batchDuration(), watermark == null ? "none" : watermark.toInstant()));
        }

        @Override
        public void onQueryIdle(QueryIdleEvent event) {
        }

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) {
        }
    }
}
