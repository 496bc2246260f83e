package io.ecomanalytics.data;

import java.math.BigDecimal;

/**
 * The range a number must lie in (for an array: how many elements it must have). Either end may be open (null); the
 * minimum is inclusive, the maximum inclusive unless {@code maximumExclusive}.
 *
 * @param minimum the smallest allowed value, or null
 * @param maximum the largest allowed value (or the first refused one when exclusive), or null
 * @param maximumExclusive whether {@code maximum} itself is refused
 */
public record Bounds(BigDecimal minimum, BigDecimal maximum, boolean maximumExclusive) {

    /** Amounts of money: at least 0 and below 10,000,000,000. */
    public static final Bounds AMOUNT = new Bounds(BigDecimal.ZERO, new BigDecimal("10000000000"), true);
    /** Durations in seconds: 0 to 86,400 (one day). */
    public static final Bounds DURATION = between(0, 86_400);

    /** At least {@code minimum}, no maximum. */
    public static Bounds atLeast(long minimum) {
        return new Bounds(BigDecimal.valueOf(minimum), null, false);
    }

    /** From {@code minimum} to {@code maximum}, both inclusive. */
    public static Bounds between(long minimum, long maximum) {
        return new Bounds(BigDecimal.valueOf(minimum), BigDecimal.valueOf(maximum), false);
    }

    /** Whether {@code value} lies within these bounds. */
    public boolean contains(BigDecimal value) {
        if (minimum != null && value.compareTo(minimum) < 0) {
            return false;
        }
        if (maximum == null) {
            return true;
        }
        int comparison = value.compareTo(maximum);
        return maximumExclusive ? comparison < 0 : comparison <= 0;
    }

    /** The bounds in words, for messages: "at least 1", "between 0 and 86400", "at least 0 and below 100". */
    public String describe() {
        if (maximum == null) {
            return "at least " + minimum.toPlainString();
        }
        if (maximumExclusive) {
            return "at least " + minimum.toPlainString() + " and below " + maximum.toPlainString();
        }
        return "between " + minimum.toPlainString() + " and " + maximum.toPlainString();
    }
}
