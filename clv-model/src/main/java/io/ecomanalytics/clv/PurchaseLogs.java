package io.ecomanalytics.clv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
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
 *   <li>Transactions CSV (RFC 4180): UTF-8, a header line {@code customer_id,timestamp,amount}, then one purchase
 *       per line; a value that holds a comma, a quote or a line break is quoted, as {@link ClvFit} writes its
 *       predictions. The customer id is kept exactly as written. The timestamp is an ISO-8601 date
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
    private static final List<String> TRANSACTIONS_HEADER = List.of("customer_id", "timestamp", "amount");
    private static final CsvMapper CSV = new CsvMapper();

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
        int lineAfterPrevious = 1;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<List<String>> rows = CSV.readerForListOf(String.class)
                     .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
            if (!rows.hasNext()) {
                throw malformed(file, 1, "header",
                        "is missing (empty file); a transactions CSV starts with the header '"
                        + String.join(",", TRANSACTIONS_HEADER) + "'");
            }
            List<String> header = rows.next();
            if (!header.isEmpty()) {
                header.set(0, header.get(0).replace("\uFEFF", ""));
            }
            if (!header.stream().map(String::strip).toList().equals(TRANSACTIONS_HEADER)) {
                throw malformed(file, 1, "header", "is '" + String.join(",", header) + "'; a transactions CSV starts"
                        + " with the header '" + String.join(",", TRANSACTIONS_HEADER) + "'");
            }
            while (true) {
                // The parser stands past the previous record's line end: where an unreadable record would start.
                lineAfterPrevious = rows.getCurrentLocation().getLineNr();
                if (!rows.hasNext()) {
                    break;
                }
                int lineNumber = rows.getCurrentLocation().getLineNr();
                List<String> fields = rows.next();
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                if (fields.size() != TRANSACTIONS_HEADER.size()) {
                    throw malformed(file, lineNumber, "line", "has " + fields.size() + " fields; expected 3"
                            + " (customer_id,timestamp,amount; quote a value that holds a comma, as in RFC 4180)");
                }
                purchases.add(purchase(file, lineNumber, fields.get(0),
                        parseTimestamp(file, lineNumber, fields.get(1).strip()), fields.get(2).strip(), "amount"));
            }
        } catch (RuntimeJsonMappingException e) {
            // An unclosed quote, say: the parser's own words, with the line they concern.
            if (e.getCause() instanceof JsonProcessingException cause) {
                throw malformed(file, lineAfterPrevious, "line", "is not valid CSV: " + cause.getOriginalMessage());
            }
            throw new IllegalArgumentException(file + ": not valid CSV: " + e.getMessage(), e);
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
