package io.ecomanalytics.mongo;

import io.ecomanalytics.data.Rule;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a load did to one collection. The counts reconcile: {@code read = rejected + inserted + updated + unchanged
 * + failed}.
 *
 * @param collection     the collection
 * @param read           records read from the files
 * @param inserted       documents that were new
 * @param updated        documents that existed and changed
 * @param unchanged      documents that existed identical (a reload)
 * @param rejectedByRule records the validating reader rejected, by the rule they broke (they never reach the server)
 * @param failed         documents the server refused
 * @param failures       the first {@value MongoLoadReport#MAX_FAILURES_KEPT} refusals with id and reason
 * @param elapsed        the wall time of this collection's load (read, validate, map and write)
 */
public record CollectionLoadReport(MongoCollectionName collection, long read, long inserted, long updated,
                                   long unchanged, Map<Rule, Long> rejectedByRule, long failed,
                                   List<LoadFailure> failures, Duration elapsed) {

    public CollectionLoadReport {
        rejectedByRule = Map.copyOf(rejectedByRule);
        failures = List.copyOf(failures);
    }

    /** Records rejected by any rule. */
    public long rejected() {
        return rejectedByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Documents the server accepted: inserted + updated + unchanged. */
    public long written() {
        return inserted + updated + unchanged;
    }

    /** Records read per second of {@link #elapsed()}. */
    public double recordsPerSecond() {
        return read / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
}
