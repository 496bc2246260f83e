package io.ecomanalytics.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads purchase logs from files.
 *
 * <p>Two formats are understood:
 * <ul>
 *   <li>CDNOW: whitespace-separated, no quoting. The sample file has five columns {@code master_id sample_id
 *       yyyymmdd cds dollars} and the customer id is the sample id (as in the published summaries); the master
 *       file has a header line and four columns {@code customer_id yyyymmdd cds dollars}.</li>
 *   <li>Transactions CSV: UTF-8, a header line {@code customer_id,timestamp,amount}, then one purchase per line,
 *       comma-separated without quoting (customer ids must not contain commas). The timestamp is an ISO-8601 date
 *       ({@code 2024-03-01}, read as the start of that UTC day), a naive date-time read as UTC
 *       ({@code 2024-03-01T10:15:30}) or a date-time with an offset ({@code 2024-03-01T10:15:30+02:00}). The amount
 *       is a decimal number, not negative.</li>
 * </ul>
 * CDNOW purchases are placed at the start of their UTC day. Blank lines are skipped. A malformed line stops the read
 * with the file, line number and field in the message.
 */
public final class PurchaseLogs {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String TRANSACTIONS_HEADER = "customer_id,timestamp,amount";

    private PurchaseLogs() {
    }

    /** Reads a CDNOW purchase log (sample or master layout). */
    public static List<Purchase> readCdnow(Path file) {
        List<Purchase> purchases = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || (lineNumber == 1 && trimmed.startsWith("customer_id"))) {
                    continue;
                }
                String[] fields = WHITESPACE.split(trimmed);
                int offset = switch (fields.length) {
                    case 5 -> 1;
                    case 4 -> 0;
                    default -> throw malformed(file, lineNumber, "line", "has " + fields.length
                            + " columns; CDNOW lines have 5 (master_id sample_id yyyymmdd cds dollars) or 4"
                            + " (customer_id yyyymmdd cds dollars)");
                };
                purchases.add(purchase(file, lineNumber, fields[offset],
                        parseCompactDate(file, lineNumber, fields[offset + 1]),
                        fields[offset + 3], "dollars"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CDNOW log " + file + ": " + e.getMessage(), e);
        }
        return purchases;
    }

    /** Reads a transactions CSV with the header {@code customer_id,timestamp,amount}. */
    public static List<Purchase> readTransactionsCsv(Path file) {
        List<Purchase> purchases = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.strip().replace("\uFEFF", "").equals(TRANSACTIONS_HEADER)) {
                throw malformed(file, 1, "header", "is " + (header == null ? "missing (empty file)" : "'" + header
                        + "'") + "; a transactions CSV starts with the header '" + TRANSACTIONS_HEADER + "'");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != 3) {
                    throw malformed(file, lineNumber, "line", "has " + fields.length
                            + " comma-separated fields; expected 3 (customer_id,timestamp,amount, no quoting)");
                }
                purchases.add(purchase(file, lineNumber, fields[0].strip(),
                        parseTimestamp(file, lineNumber, fields[1].strip()), fields[2].strip(), "amount"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transactions CSV " + file + ": " + e.getMessage(), e);
        }
        return purchases;
    }

    private static Purchase purchase(Path file, int lineNumber, String customerId, Instant time, String amount,
                                     String amountField) {
        double value;
        try {
            value = Double.parseDouble(amount);
        } catch (NumberFormatException e) {
            throw malformed(file, lineNumber, amountField, "'" + amount + "' is not a number");
        }
        try {
            return new Purchase(customerId, time, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static Instant parseCompactDate(Path file, int lineNumber, String text) {
        try {
            return LocalDate.parse(text, COMPACT_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(file, lineNumber, "date", "'" + text + "' is not a date in the form yyyymmdd");
        }
    }

    private static Instant parseTimestamp(Path file, int lineNumber, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw malformed(file, lineNumber, "timestamp", "'" + text + "' is not an ISO-8601 date or date-time"
                    + " (e.g. 2024-03-01 or 2024-03-01T10:15:30)");
        }
    }

    private static IllegalArgumentException malformed(Path file, int lineNumber, String field, String problem) {
        return new IllegalArgumentException(file + " line " + lineNumber + ": " + field + " " + problem);
    }
}
