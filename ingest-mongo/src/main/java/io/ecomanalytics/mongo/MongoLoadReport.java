package io.ecomanalytics.mongo;

import io.ecomanalytics.data.Rule;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What a load did, per collection and in total.
 *
 * @param collections one report per loaded collection, in load order
 * @param elapsed     the wall time of the load
 */
public record MongoLoadReport(List<CollectionLoadReport> collections, Duration elapsed) {

    /** How many refusals a report keeps with their id and reason (all are counted). */
    public static final int MAX_FAILURES_KEPT = 1_000;

    public MongoLoadReport {
        collections = List.copyOf(collections);
    }

    /** The report of one collection. */
    public CollectionLoadReport collection(MongoCollectionName name) {
        return collections.stream().filter(report -> report.collection() == name).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Collection " + name + " was not part of this load;"
                        + " it loaded " + collections.stream().map(CollectionLoadReport::collection).toList()));
    }

    public long read() {
        return sum(CollectionLoadReport::read);
    }

    public long inserted() {
        return sum(CollectionLoadReport::inserted);
    }

    public long updated() {
        return sum(CollectionLoadReport::updated);
    }

    public long unchanged() {
        return sum(CollectionLoadReport::unchanged);
    }

    public long rejected() {
        return sum(CollectionLoadReport::rejected);
    }

    public long failed() {
        return sum(CollectionLoadReport::failed);
    }

    /** Rejections by rule over all collections. */
    public Map<Rule, Long> rejectedByRule() {
        Map<Rule, Long> total = new EnumMap<>(Rule.class);
        collections.forEach(report -> report.rejectedByRule().forEach((rule, count) -> total.merge(rule, count,
                Long::sum)));
        return total;
    }

    /** The kept refusals of every collection. */
    public List<LoadFailure> failures() {
        return collections.stream().flatMap(report -> report.failures().stream()).toList();
    }

    private long sum(ToLongFunction<CollectionLoadReport> count) {
        return collections.stream().mapToLong(count).sum();
    }
}
