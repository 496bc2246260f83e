package io.ecomanalytics.streaming;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
 *   <li>each batch's contribution to a window is its own document in {@code live_metric_parts}, {@code _id}
 *       {@code <metric>|<window_start>|<key>|<batch id>}: a re-run overwrites it with the same values;</li>
 *   <li>each touched window's document in {@code live_metrics} is then recomputed from all its parts (sums, and the
 *       union of users), never incremented;</li>
 *   <li>the watermark a batch starts with is recorded under the batch id in {@code live_stream_state}, so a re-run
 *       batch judges lateness as the first run did.</li>
 * </ul>
 * The document contract of {@code live_metrics} is the module README's.
 */
final class LiveMetricsWriter {
    static final String METRICS = "live_metrics";
    static final String PARTS = "live_metric_parts";
    static final String STATE = "live_stream_state";
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
        parts.createIndex(Indexes.ascending("window_start"));
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
        List<WriteModel<Document>> partWrites = new ArrayList<>(contributions.size());
        Map<String, Document> touched = new LinkedHashMap<>();
        for (Row row : contributions) {
            String metric = row.getAs("metric");
            Instant start = ((Timestamp) row.getAs("window_start")).toInstant();
            Instant end = ((Timestamp) row.getAs("window_end")).toInstant();
            String key = row.getAs("key");
            String metricId = metric + "|" + start + "|" + key;
            List<String> users = row.getList(row.fieldIndex("users"));
            Document part = new Document("_id", metricId + "|" + batchId)
                    .append("metric_id", metricId)
                    .append("metric", metric)
                    .append("window_start", Date.from(start))
                    .append("window_end", Date.from(end))
                    .append("key", key)
                    .append("batch", batchId)
                    .append("amount_cents", (long) row.getAs("amount_cents"))
                    .append("events", (long) row.getAs("events"))
                    .append("converted", (long) row.getAs("converted"))
                    .append("users", new ArrayList<>(users))
                    .append("late", (long) row.getAs("late"));
            partWrites.add(new ReplaceOneModel<>(eq("_id", part.getString("_id")), part, UPSERT));
            touched.put(metricId, part);
        }
        parts.bulkWrite(partWrites, UNORDERED);
        // One range query for the parts of every touched window (an index range on a real MongoDB, one collection
        // scan per batch rather than per window on the embedded server, which builds no secondary index).
        Date earliest = null;
        Date latest = null;
        for (Document part : touched.values()) {
            Date start = part.getDate("window_start");
            earliest = earliest == null || start.before(earliest) ? start : earliest;
            latest = latest == null || start.after(latest) ? start : latest;
        }
        Map<String, List<Document>> partsByWindow = new HashMap<>();
        for (Document part : parts.find(and(gte("window_start", earliest), lte("window_start", latest)))) {
            String metricId = part.getString("metric_id");
            if (touched.containsKey(metricId)) {
                partsByWindow.computeIfAbsent(metricId, id -> new ArrayList<>()).add(part);
            }
        }
        List<WriteModel<Document>> metricWrites = new ArrayList<>(touched.size());
        Date now = new Date();
        for (Map.Entry<String, Document> window : touched.entrySet()) {
            metricWrites.add(new ReplaceOneModel<>(eq("_id", window.getKey()),
                    combine(window.getKey(), window.getValue(), partsByWindow.get(window.getKey()), now), UPSERT));
        }
        metrics.bulkWrite(metricWrites, UNORDERED);
        return touched.size();
    }

    private static Document combine(String metricId, Document anyPart, List<Document> windowParts, Date now) {
        long cents = 0;
        long events = 0;
        long converted = 0;
        long late = 0;
        Set<String> users = new HashSet<>();
        for (Document part : windowParts) {
            cents += part.getLong("amount_cents");
            events += part.getLong("events");
            converted += part.getLong("converted");
            late += part.getLong("late");
            users.addAll(part.getList("users", String.class));
        }
        LiveMetric metric = LiveMetric.fromWireName(anyPart.getString("metric"));
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
                .append("window_start", anyPart.getDate("window_start"))
                .append("window_end", anyPart.getDate("window_end"));
        if (metric == LiveMetric.REVENUE_BY_CATEGORY) {
            document.append("category_id", anyPart.getString("key"));
        }
        return document.append("value", value)
                .append("late_events", late)
                .append("updated_at", now);
    }
}
