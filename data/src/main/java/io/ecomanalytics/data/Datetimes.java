package io.ecomanalytics.data;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The dataset's datetimes: naive ISO-8601 ({@code 2024-03-01T12:30:05}, optionally with 1 to 9 fraction digits),
 * read as UTC. Hand-parsed because this runs tens of millions of times per full dataset and
 * {@code LocalDateTime.parse} would dominate the read.
 */
final class Datetimes {

    private static final int SECONDS_PER_DAY = 86_400;

    private Datetimes() {
    }

    /** Parses a naive or UTC ISO-8601 datetime; a value with an explicit offset is converted to UTC. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            throw new DateTimeException("'" + text + "' is not an ISO-8601 datetime like 2024-03-01T12:30:05");
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int position = 19;
        int nanos = 0;
        if (position < length && text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && isDigit(text.charAt(position))) {
                position++;
            }
            int count = position - start;
            if (count == 0 || count > 9) {
                throw new DateTimeException("'" + text + "' has " + count + " fraction digits; 1 to 9 are allowed");
            }
            nanos = digits(text, start, position);
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (position < length) {
            if (position == length - 1 && text.charAt(position) == 'Z') {
                position++;
            } else {
                return OffsetDateTime.parse(text).toInstant();
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw new DateTimeException("'" + text + "' has an invalid time of day");
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** Formats as naive ISO-8601 in UTC, with 0, 3, 6 or 9 fraction digits as the value needs. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        int nanos = instant.getNano();
        long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        long civil = civilFromDays(epochDay);
        int year = (int) (civil >> 9);
        if (year < 0 || year > 9999) {
            return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC).toString();
        }
        int month = (int) ((civil >> 5) & 15);
        int day = (int) (civil & 31);
        int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
        char[] out = new char[fractionDigits == 0 ? 19 : 20 + fractionDigits];
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, month, 2);
        out[7] = '-';
        put(out, 8, day, 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        if (fractionDigits > 0) {
            out[19] = '.';
            int fraction = nanos;
            for (int i = fractionDigits; i < 9; i++) {
                fraction /= 10;
            }
            put(out, 20, fraction, fractionDigits);
        }
        return new String(out);
    }

    /** Year, month and day packed as {@code year << 9 | month << 5 | day} (Howard Hinnant's civil_from_days). */
    private static long civilFromDays(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthPrime = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthPrime + 2) / 5 + 1;
        long month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year << 9 | month << 5 | day;
    }

    private static void put(char[] out, int offset, int value, int width) {
        for (int i = offset + width - 1; i >= offset; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                throw new DateTimeException("'" + text + "' has '" + c + "' where a digit belongs (position " + i + ")");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
