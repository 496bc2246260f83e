package io.ecomanalytics.hbase;

import io.ecomanalytics.data.Rule;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a load did. Counts reconcile: {@code read = written + rejected + failed}.
 *
 * @param method         how it wrote
 * @param read           sessions taken from the input
 * @param written        sessions the table accepted
 * @param rejectedByRule sessions not written because they broke a rule, by rule (no user id, a start time a row key
 *                       cannot hold, ...); rules with no rejection are absent
 * @param failed         sessions HBase refused or could not take within the retry bounds
 * @param bytes          bytes of cells written (row keys, qualifiers and values, as serialized key-values)
 * @param elapsed        wall time of the load
 */
public record SessionLoadReport(LoadMethod method, long read, long written, Map<Rule, Long> rejectedByRule, long failed,
                         long bytes, Duration elapsed) {

    public SessionLoadReport {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(elapsed, "elapsed");
        EnumMap<Rule, Long> copy = new EnumMap<>(Rule.class);
        copy.putAll(rejectedByRule);
        rejectedByRule = Collections.unmodifiableMap(copy);
        long rejected = copy.values().stream().mapToLong(Long::longValue).sum();
        if (read != written + rejected + failed) {
            throw new IllegalArgumentException("Load counts do not reconcile: read " + read + " != written " + written
                    + " + rejected " + rejected + " + failed " + failed);
        }
    }

    /** Sessions rejected by any rule. */
    public long rejected() {
        return rejectedByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Every session that broke no rule was written: nothing failed. A run with failures is finished by loading again
     * (the load is idempotent); rejected sessions stay rejected until their data is fixed.
     */
    public boolean isComplete() {
        return failed == 0;
    }

    /** Written sessions (rows) per second of wall time. */
    public double rowsPerSecond() {
        return written / seconds();
    }

    /** Megabytes (10^6 bytes) of cells per second of wall time. */
    public double megabytesPerSecond() {
        return bytes / 1e6 / seconds();
    }

    private double seconds() {
        return Math.max(elapsed.toNanos(), 1) / 1e9;
    }

    @Override
    public String toString() {
        return String.format("%s: read %,d, written %,d, rejected %,d %s, failed %,d; %.1f s, %,.0f rows/s, %.1f MB/s",
                method, read, written, rejected(), rejectedByRule, failed, seconds(), rowsPerSecond(),
                megabytesPerSecond());
    }
}
