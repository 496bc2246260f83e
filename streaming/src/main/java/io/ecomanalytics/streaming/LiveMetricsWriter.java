package io.ecomanalytics.streaming;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.bson.Document;

/**
 * Keeps {@code live_metrics} in MongoDB from the contributions ({@link LiveMetrics}) of each micro-batch, so that a
 * re-run batch (same id, same events, after a crash) changes nothing:
 * <ul>
 *   <li>each window has one document in {@code live_metric_parts}, {@code _id} {@code <metric>|<window_start>|<key>}
 *       (the metric's id), holding each contributing batch's part under the batch id: a re-run overwrites its own
 *       part with the same values;</li>
 *   <li>each touched window's document in {@code live_metrics} is then recomputed from all its parts (sums, and the
 *       union of users), never incremented;</li>
 *   <li>the watermark a batch starts with is recorded under the batch id in {@code live_stream_state}, so a re-run
 *       batch judges lateness as the first run did.</li>
 * </ul>
 * Every read and write goes by {@code _id} (equality or {@code $in}): the primary index of any MongoDB, and the only
 * index of the embedded server, which scans the whole collection for a query on any other field.
 * The document contract of {@code live_metrics} is the module README's.
 */
final class LiveMetricsWriter {
    static final String METRICS = "live_metrics";
    static final String PARTS = "live_metric_parts";
    static final String STATE = "live_stream_state";
    /** Ids per {@code $in} query: keeps the query document far below MongoDB's 16 MB. */
    private static final int IDS_PER_QUERY = 5_000;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> metrics;
    private final MongoCollection<Document> parts;
    private final MongoCollection<Document> state;
    private final Duration watermarkDelay;

    LiveMetricsWriter(MongoDatabase database, Duration watermarkDelay) {
        this.metrics = database.getCollection(METRICS);
        this.parts = database.getCollection(PARTS);
        this.state = database.getCollection(STATE);
        this.watermarkDelay = watermarkDelay;
    }

    /** Forgets every metric, contribution and recorded watermark, before a rebuild from the first event. */
    void clear() {
        metrics.drop();
        parts.drop();
        state.drop();
    }

    /** The watermark batch {@code batchId} starts with: recorded on a re-run, else derived from the batch before. */
    Timestamp watermarkFor(long batchId) {
        Document recorded = state.find(eq("_id", batchId)).first();
        if (recorded != null) {
            Date watermark = recorded.getDate("watermark");
            return watermark == null ? null : new Timestamp(watermark.getTime());
        }
        Document previous = state.find(lt("_id", batchId)).sort(Sorts.descending("_id")).first();
        Date maxEventTime = previous == null ? null : previous.getDate("max_event_time");
        return maxEventTime == null ? null : new Timestamp(maxEventTime.getTime() - watermarkDelay.toMillis());
    }

    /** Records the batch's watermark and the largest event time seen up to and including it. */
    void recordBatch(long batchId, Timestamp watermark, Timestamp batchMaxEventTime) {
        Document previous = state.find(lt("_id", batchId)).sort(Sorts.descending("_id")).first();
        Date before = previous == null ? null : previous.getDate("max_event_time");
        Date maxEventTime = before;
        if (batchMaxEventTime != null && (before == null || batchMaxEventTime.getTime() > before.getTime())) {
            maxEventTime = new Date(batchMaxEventTime.getTime());
        }
        state.replaceOne(eq("_id", batchId), new Document("_id", batchId)
                .append("watermark", watermark == null ? null : new Date(watermark.getTime()))
                .append("max_event_time", maxEventTime), UPSERT);
    }

    /** Stores the batch's contributions and recomputes every window they touch; returns the windows written. */
    int write(long batchId, List<Row> contributions) {
        if (contributions.isEmpty()) {
            return 0;
        }
        Map<String, Row> touched = new LinkedHashMap<>();
        for (Row row : contributions) {
            String metricId = row.getAs("metric") + "|" + ((Timestamp) row.getAs("window_start")).toInstant() + "|"
                    + row.getAs("key");
            touched.put(metricId, row);
        }
        Map<String, Document> windows = existingParts(new ArrayList<>(touched.keySet()));
        List<WriteModel<Document>> partWrites = new ArrayList<>(touched.size());
        List<WriteModel<Document>> metricWrites = new ArrayList<>(touched.size());
        Date now = new Date();
        for (Map.Entry<String, Row> contribution : touched.entrySet()) {
            String metricId = contribution.getKey();
            Row row = contribution.getValue();
            Document window = windows.get(metricId);
            if (window == null) {
                // A new window: its parts document is written before its metric, so neither exists yet (an insert
                // costs less than an upsert, which first looks for the document).
                window = new Document("_id", metricId)
                        .append("metric", row.getAs("metric"))
                        .append("window_start", Date.from(((Timestamp) row.getAs("window_start")).toInstant()))
                        .append("window_end", Date.from(((Timestamp) row.getAs("window_end")).toInstant()))
                        .append("key", row.getAs("key"))
                        .append("batches", new Document(Long.toString(batchId), part(row)));
                partWrites.add(new InsertOneModel<>(window));
                metricWrites.add(new InsertOneModel<>(combine(metricId, window, now)));
            } else {
                window.get("batches", Document.class).put(Long.toString(batchId), part(row));
                partWrites.add(new ReplaceOneModel<>(eq("_id", metricId), window, UPSERT));
                metricWrites.add(new ReplaceOneModel<>(eq("_id", metricId), combine(metricId, window, now), UPSERT));
            }
        }
        parts.bulkWrite(partWrites, UNORDERED);
        metrics.bulkWrite(metricWrites, UNORDERED);
        return touched.size();
    }

    private Map<String, Document> existingParts(List<String> metricIds) {
        Map<String, Document> found = new HashMap<>();
        for (int from = 0; from < metricIds.size(); from += IDS_PER_QUERY) {
            List<String> ids = metricIds.subList(from, Math.min(metricIds.size(), from + IDS_PER_QUERY));
            for (Document window : parts.find(in("_id", ids))) {
                found.put(window.getString("_id"), window);
            }
        }
        return found;
    }

    private static Document part(Row row) {
        return new Document("amount_cents", (long) row.getAs("amount_cents"))
                .append("events", (long) row.getAs("events"))
                .append("converted", (long) row.getAs("converted"))
                .append("users", new ArrayList<>(row.<String>getList(row.fieldIndex("users"))))
                .append("late", (long) row.getAs("late"));
    }

    private static Document combine(String metricId, Document window, Date now) {
        long cents = 0;
        long events = 0;
        long converted = 0;
        long late = 0;
        Set<String> users = new HashSet<>();
        for (Object value : window.get("batches", Document.class).values()) {
            Document part = (Document) value;
            cents += part.getLong("amount_cents");
            events += part.getLong("events");
            converted += part.getLong("converted");
            late += part.getLong("late");
            users.addAll(part.getList("users", String.class));
        }
        LiveMetric metric = LiveMetric.fromWireName(window.getString("metric"));
        double value;
        if (metric == LiveMetric.REVENUE_BY_CATEGORY) {
            value = cents / 100.0;
        } else if (metric == LiveMetric.ORDERS) {
            value = events;
        } else if (metric == LiveMetric.ACTIVE_USERS) {
            value = users.size();
        } else {
            value = events == 0 ? 0 : (double) converted / events;
        }
        Document document = new Document("_id", metricId)
                .append("metric", metric.wireName())
                .append("window_start", window.getDate("window_start"))
                .append("window_end", window.getDate("window_end"));
        if (metric == LiveMetric.REVENUE_BY_CATEGORY) {
            document.append("category_id", window.getString("key"));
        }
        return document.append("value", value)
                .append("late_events", late)
                .append("updated_at", now);
    }
}
