package io.ecomanalytics.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids seen so far in one entity's files. Ids of the dataset's form (a prefix and lower-case hex digits, as in
 * {@code sess_0123456789}) are kept as longs in an open-addressing table: 2,000,000 session ids take 32 MB instead of
 * the ~250 MB of a {@code HashSet<String>}, which is what keeps a full validation under a 256 MB heap. Other ids fall
 * back to a string set.
 */
final class IdSet {

    private static final long EMPTY = -1L;

    private final String prefix;
    private final int maxHexDigits;
    private long[] table = new long[1 << 12];
    private int size;
    private final Set<String> others = new HashSet<>();

    IdSet(String prefix, int maxHexDigits) {
        this.prefix = prefix;
        this.maxHexDigits = maxHexDigits;
        Arrays.fill(table, EMPTY);
    }

    /** Adds the id; false if it was already there. */
    boolean add(String id) {
        long encoded = encode(id);
        if (encoded < 0) {
            return others.add(id);
        }
        if (size * 2 >= table.length) {
            grow();
        }
        return insert(table, encoded);
    }

    private boolean insert(long[] into, long value) {
        int mask = into.length - 1;
        int slot = (int) (mix(value) & mask);
        while (into[slot] != EMPTY) {
            if (into[slot] == value) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        into[slot] = value;
        if (into == table) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] old = table;
        long[] bigger = new long[old.length * 2];
        Arrays.fill(bigger, EMPTY);
        table = bigger;
        for (long value : old) {
            if (value != EMPTY) {
                int mask = bigger.length - 1;
                int slot = (int) (mix(value) & mask);
                while (bigger[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = value;
            }
        }
    }

    /** The hex part as a non-negative long, or -1 when the id is not of the dataset's form. */
    private long encode(String id) {
        int digits = id.length() - prefix.length();
        if (digits < 1 || digits > maxHexDigits || !id.startsWith(prefix)) {
            return -1;
        }
        long value = 0;
        for (int i = prefix.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else {
                return -1;
            }
            value = value << 4 | digit;
        }
        // The digit count is part of the id: "sess_0a" and "sess_a" differ, so it goes into the top bits.
        return value | (long) digits << 56;
    }

    private static long mix(long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        return z ^ (z >>> 29);
    }
}
