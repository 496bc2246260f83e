package io.ecomanalytics.hbase;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the Spark reader scans.
 *
 * @param tableName   the session table, e.g. {@code ecommerce:user_sessions}
 * @param families    the families to read, among {@code session}, {@code device}, {@code geo}; the columns of a
 *                    family left out are null
 * @param scanCaching rows per scanner round trip
 * @param from        when present, only sessions starting at or after it
 * @param to          when present, only sessions starting before it
 */
public record SparkReadOptions(String tableName, List<String> families, int scanCaching, Optional<Instant> from,
                               Optional<Instant> to) {

    private static final Set<String> READABLE = Set.of("session", "device", "geo");

    public SparkReadOptions {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        families = List.copyOf(families);
        if (families.isEmpty()) {
            throw new IllegalArgumentException("Read at least one family of " + READABLE);
        }
        for (String family : families) {
            if (!READABLE.contains(family)) {
                throw new IllegalArgumentException("Family '" + family + "' is not part of the Spark session row; "
                        + "choose among " + READABLE + " (metrics are derived data and recomputed in Spark)");
            }
        }
        if (scanCaching < 1) {
            throw new IllegalArgumentException("scanCaching is " + scanCaching + "; it must be at least 1");
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("The time range [" + from.get() + ", " + to.get() + ") is empty");
        }
    }

    /** Every readable family of the table, 1,000 rows per round trip, no time range. */
    public static SparkReadOptions allSessions(String tableName) {
        return new SparkReadOptions(tableName, List.of("session", "device", "geo"), 1_000, Optional.empty(),
                Optional.empty());
    }

    /** These options limited to sessions starting in {@code [start, end)}. */
    public SparkReadOptions between(Instant start, Instant end) {
        return new SparkReadOptions(tableName, families, scanCaching, Optional.of(start), Optional.of(end));
    }

    /** These options reading only the given families. */
    public SparkReadOptions withFamilies(List<String> selected) {
        return new SparkReadOptions(tableName, selected, scanCaching, from, to);
    }

    /** These options with another scan caching. */
    public SparkReadOptions withScanCaching(int rows) {
        return new SparkReadOptions(tableName, families, rows, from, to);
    }
}
