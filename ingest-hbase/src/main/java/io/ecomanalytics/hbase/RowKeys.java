package io.ecomanalytics.hbase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The row key of {@code ecommerce:user_sessions}: {@code <user_id>_<yyyyMMddHHmmss>_<suffix>}, all printable ASCII,
 * for example {@code user_000042_20240301123005_5f1d0c2a9b3e4d71}.
 *
 * <ul>
 *   <li>The start time is the session's start in UTC, truncated to the second, 14 fixed-width digits, so one user's
 *       rows sort by time and a prefix scan returns them in time order.</li>
 *   <li>The suffix is 16 lowercase hex digits: the first 64 bits of the MD5 of the {@code session_id}. It keeps two
 *       sessions of one user that start in the same second apart, and the same session always gets the same key, so a
 *       re-load overwrites instead of duplicating.</li>
 *   <li>Time and suffix have a fixed width, so a key is decoded from its end and a user id may contain {@code _}.</li>
 * </ul>
 */
public final class RowKeys {

    /** Width of the {@code yyyyMMddHHmmss} field. */
    static final int TIME_WIDTH = 14;
    /** Width of the hex suffix. */
    static final int SUFFIX_WIDTH = 16;
    /** {@code _time_suffix}: the fixed-width tail that follows the user id. */
    static final int TAIL_WIDTH = 1 + TIME_WIDTH + 1 + SUFFIX_WIDTH;
    private static final char SEPARATOR = '_';
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long FIRST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private RowKeys() {
    }

    /**
     * The key of one session.
     *
     * @throws IllegalArgumentException if the user id is empty, or the start time lies outside the years 0000-9999
     */
    public static byte[] encode(String userId, Instant startTime, String sessionId) {
        byte[] user = userBytes(userId);
        byte[] key = Arrays.copyOf(user, user.length + TAIL_WIDTH);
        int position = user.length;
        key[position++] = SEPARATOR;
        position = writeTime(key, position, startTime);
        key[position++] = SEPARATOR;
        byte[] digest = md5(sessionId);
        for (int i = 0; i < SUFFIX_WIDTH / 2; i++) {
            key[position++] = HEX[(digest[i] >> 4) & 0xf];
            key[position++] = HEX[digest[i] & 0xf];
        }
        return key;
    }

    /** Decodes a key written by {@link #encode}. */
    public static RowKey decode(byte[] key) {
        int userLength = key.length - TAIL_WIDTH;
        if (userLength < 1 || key[userLength] != SEPARATOR || key[userLength + 1 + TIME_WIDTH] != SEPARATOR) {
            throw new IllegalArgumentException("Row key '" + new String(key, StandardCharsets.UTF_8) + "' is not "
                    + "<user_id>_<yyyyMMddHHmmss>_<16 hex digits>; it was not written by this loader");
        }
        String userId = new String(key, 0, userLength, StandardCharsets.UTF_8);
        Instant startSecond = readTime(key, userLength + 1);
        String suffix = new String(key, userLength + 2 + TIME_WIDTH, SUFFIX_WIDTH, StandardCharsets.US_ASCII);
        for (int i = 0; i < suffix.length(); i++) {
            if (Character.digit(suffix.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("Row key '" + new String(key, StandardCharsets.UTF_8)
                        + "' ends in '" + suffix + "', which is not 16 hex digits");
            }
        }
        return new RowKey(userId, startSecond, suffix);
    }

    /** {@code <user_id>_}: every key of that user, and only of that user, starts with it. */
    public static byte[] userPrefix(String userId) {
        byte[] user = userBytes(userId);
        byte[] prefix = Arrays.copyOf(user, user.length + 1);
        prefix[user.length] = SEPARATOR;
        return prefix;
    }

    /**
     * {@code <user_id>_<time>}: the smallest key of that user's sessions starting at or after {@code time} (to the
     * second), and so, as an exclusive stop row, the end of the sessions starting before it.
     */
    public static byte[] userTimeBound(String userId, Instant time) {
        byte[] prefix = userPrefix(userId);
        byte[] bound = Arrays.copyOf(prefix, prefix.length + TIME_WIDTH);
        writeTime(bound, prefix.length, time);
        return bound;
    }

    private static byte[] userBytes(String userId) {
        if (userId == null || userId.isEmpty()) {
            throw new IllegalArgumentException("A session without a user_id has no row key; every session needs one");
        }
        return userId.getBytes(StandardCharsets.UTF_8);
    }

    private static int writeTime(byte[] target, int position, Instant time) {
        long seconds = time.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
            throw new IllegalArgumentException("Start time " + time + " lies outside the years 0000-9999 that the "
                    + "14-digit row key time can hold");
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        position = writeDigits(target, position, utc.getYear(), 4);
        position = writeDigits(target, position, utc.getMonthValue(), 2);
        position = writeDigits(target, position, utc.getDayOfMonth(), 2);
        position = writeDigits(target, position, utc.getHour(), 2);
        position = writeDigits(target, position, utc.getMinute(), 2);
        return writeDigits(target, position, utc.getSecond(), 2);
    }

    private static int writeDigits(byte[] target, int position, int value, int width) {
        for (int i = position + width - 1; i >= position; i--) {
            target[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return position + width;
    }

    private static Instant readTime(byte[] key, int position) {
        try {
            LocalDateTime time = LocalDateTime.of(readDigits(key, position, 4), readDigits(key, position + 4, 2),
                    readDigits(key, position + 6, 2), readDigits(key, position + 8, 2),
                    readDigits(key, position + 10, 2), readDigits(key, position + 12, 2));
            return time.toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Row key '" + new String(key, StandardCharsets.UTF_8) + "' has no valid "
                    + "yyyyMMddHHmmss time after the user id: " + e.getMessage(), e);
        }
    }

    private static int readDigits(byte[] key, int position, int width) {
        int value = 0;
        for (int i = position; i < position + width; i++) {
            int digit = key[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("'" + (char) key[i] + "' at position " + i + " is not a digit");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static byte[] md5(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            throw new IllegalArgumentException("A session without a session_id has no row key; every session needs one");
        }
        try {
            return MessageDigest.getInstance("MD5").digest(sessionId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no MD5, which every Java platform must provide", e);
        }
    }

    /**
     * A decoded row key.
     *
     * @param userId      the user id
     * @param startSecond the session's start, truncated to the second
     * @param suffix      the 16 hex digits derived from the session id
     */
    public record RowKey(String userId, Instant startSecond, String suffix) {
    }
}
