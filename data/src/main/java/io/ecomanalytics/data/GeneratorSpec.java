package io.ecomanalytics.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link DatasetGenerator} produces: entity counts, session file size, seed, the 90-day activity window and the
 * file layout. Start from a named scale and override what you need:
 * {@code GeneratorSpec.scale("small").withSeed(42).withTransactions(50_000)}.
 *
 * @param users           number of users (1 to 999,999: ids are {@code user_000001} ...)
 * @param products        number of products (3 to 99,999: ids are {@code prod_00001} ...)
 * @param categories      number of categories (1 to 999: ids are {@code cat_001} ...)
 * @param transactions    exact number of transactions: from converted sessions first, standalone ones fill up
 * @param sessions        number of sessions
 * @param sessionsPerFile sessions per {@code sessions_N.json} file
 * @param seed            the seed; the same spec always gives byte-identical files
 * @param periodEnd       the end of the activity window (sessions and transactions happen before it)
 * @param periodDays      the length of the activity window in days
 * @param layout          how the files are laid out
 * @param behaviour       how customers behave: planted heterogeneous customers or the original uniform draws
 */
public record GeneratorSpec(int users, int products, int categories, long transactions, long sessions,
                            int sessionsPerFile, long seed, Instant periodEnd, int periodDays, JsonLayout layout,
                            Behaviour behaviour) {

    /** The default seed of every named scale. */
    public static final long DEFAULT_SEED = 42;
    /** The behaviour of every named scale. */
    public static final Behaviour DEFAULT_BEHAVIOUR = Behaviour.REALISTIC;
    /** The default end of the activity window. */
    public static final Instant DEFAULT_PERIOD_END = Instant.parse("2025-01-01T00:00:00Z");

    private static final Map<String, GeneratorSpec> SCALES = Map.of(
            "tiny", counts(40, 30, 5, 100, 100, 50),
            "small", counts(2_000, 1_000, 15, 20_000, 15_000, 100_000),
            "full", counts(10_000, 5_000, 25, 500_000, 2_000_000, 100_000));

    public GeneratorSpec {
        requireRange("users", users, 1, 999_999);
        requireRange("products", products, 3, 99_999);
        requireRange("categories", categories, 1, 999);
        requireRange("transactions", transactions, 0, Long.MAX_VALUE);
        requireRange("sessions", sessions, 0, 1L << 40);
        requireRange("sessionsPerFile", sessionsPerFile, 1, Integer.MAX_VALUE);
        requireRange("periodDays", periodDays, 1, 36_500);
        if (periodEnd == null || layout == null || behaviour == null) {
            throw new IllegalArgumentException("periodEnd, layout and behaviour are required");
        }
    }

    private static GeneratorSpec counts(int users, int products, int categories, long transactions, long sessions,
                                        int sessionsPerFile) {
        return new GeneratorSpec(users, products, categories, transactions, sessions, sessionsPerFile, DEFAULT_SEED,
                DEFAULT_PERIOD_END, 90, JsonLayout.ONE_RECORD_PER_LINE, DEFAULT_BEHAVIOUR);
    }

    /**
     * A named scale: {@code tiny} (40 users, 30 products, 5 categories, 100 transactions, 100 sessions in 2 files),
     * {@code small} (2,000 / 1,000 / 15 / 20,000 / 15,000), {@code full} (10,000 / 5,000 / 25 / 500,000 / 2,000,000,
     * 100,000 sessions per file); seed {@value #DEFAULT_SEED}, window of 90 days ending 2025-01-01, one record
     * per line.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static GeneratorSpec scale(String name) {
        GeneratorSpec spec = SCALES.get(name.toLowerCase(Locale.ROOT));
        if (spec == null) {
            throw new IllegalArgumentException("Unknown scale '" + name + "'; use tiny, small or full, and override "
                    + "counts with the explicit count options if none fits");
        }
        return spec;
    }

    /** The names {@link #scale(String)} accepts, smallest first. */
    public static List<String> scaleNames() {
        return List.of("tiny", "small", "full");
    }

    public GeneratorSpec withSeed(long newSeed) {
        return new GeneratorSpec(users, products, categories, transactions, sessions, sessionsPerFile, newSeed,
                periodEnd, periodDays, layout, behaviour);
    }

    public GeneratorSpec withUsers(int count) {
        return new GeneratorSpec(count, products, categories, transactions, sessions, sessionsPerFile, seed,
                periodEnd, periodDays, layout, behaviour);
    }

    public GeneratorSpec withProducts(int count) {
        return new GeneratorSpec(users, count, categories, transactions, sessions, sessionsPerFile, seed,
                periodEnd, periodDays, layout, behaviour);
    }

    public GeneratorSpec withCategories(int count) {
        return new GeneratorSpec(users, products, count, transactions, sessions, sessionsPerFile, seed,
                periodEnd, periodDays, layout, behaviour);
    }

    public GeneratorSpec withTransactions(long count) {
        return new GeneratorSpec(users, products, categories, count, sessions, sessionsPerFile, seed,
                periodEnd, periodDays, layout, behaviour);
    }

    public GeneratorSpec withSessions(long count) {
        return new GeneratorSpec(users, products, categories, transactions, count, sessionsPerFile, seed,
                periodEnd, periodDays, layout, behaviour);
    }

    public GeneratorSpec withSessionsPerFile(int count) {
        return new GeneratorSpec(users, products, categories, transactions, sessions, count, seed,
                periodEnd, periodDays, layout, behaviour);
    }

    public GeneratorSpec withPeriod(Instant end, int days) {
        return new GeneratorSpec(users, products, categories, transactions, sessions, sessionsPerFile, seed,
                end, days, layout, behaviour);
    }

    public GeneratorSpec withLayout(JsonLayout newLayout) {
        return new GeneratorSpec(users, products, categories, transactions, sessions, sessionsPerFile, seed,
                periodEnd, periodDays, newLayout, behaviour);
    }

    public GeneratorSpec withBehaviour(Behaviour newBehaviour) {
        return new GeneratorSpec(users, products, categories, transactions, sessions, sessionsPerFile, seed,
                periodEnd, periodDays, layout, newBehaviour);
    }

    /** The start of the activity window. */
    public Instant periodStart() {
        return periodEnd.minus(Duration.ofDays(periodDays));
    }

    /** How many {@code sessions_N.json} files the spec produces (at least one, possibly holding {@code []}). */
    public int sessionFiles() {
        return (int) Math.max(1, (sessions + sessionsPerFile - 1) / sessionsPerFile);
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
