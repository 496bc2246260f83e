package io.ecomanalytics.runner.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One analytic's CSV as Spark writes it ({@code <folder>/part-*.csv}, header first, RFC 4180 quoting), rows in a
 * canonical order so that two runs can be compared whatever order their partitions finished in.
 */
record CsvTable(Path folder, List<String> header, List<List<String>> rows) {
    /** Digits kept when ordering rows: two runs may differ in the last bits of a floating-point sum. */
    private static final MathContext ORDERING_PRECISION = new MathContext(6);

    static CsvTable read(Path folder) {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> parts = files.filter(file -> file.getFileName().toString().startsWith("part-")
                    && file.getFileName().toString().endsWith(".csv")).sorted().toList();
            if (parts.isEmpty()) {
                throw new AssertionError("No part-*.csv file in " + folder + ": the analytic was not written");
            }
            for (Path part : parts) {
                List<String> partLines = Files.readAllLines(part, StandardCharsets.UTF_8);
                // Every part repeats the header; an empty analytic's part may hold nothing at all.
                lines.addAll(lines.isEmpty() ? partLines : partLines.subList(Math.min(1, partLines.size()),
                        partLines.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CSV files in " + folder + ": " + e.getMessage(), e);
        }
        List<List<String>> records = new ArrayList<>();
        for (String line : lines) {
            records.add(fields(line, folder));
        }
        List<String> header = records.isEmpty() ? List.of() : records.get(0);
        List<List<String>> rows = new ArrayList<>(records.subList(Math.min(1, records.size()), records.size()));
        rows.sort(Comparator.comparing(CsvTable::orderingKey));
        return new CsvTable(folder, header, rows);
    }

    /** Whether a field is a number with a fraction or exponent, the kind two correct runs may round differently. */
    static boolean isFloatingPoint(String field) {
        return (field.contains(".") || field.contains("E")) && number(field) != null;
    }

    static BigDecimal number(String field) {
        try {
            return new BigDecimal(field);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String orderingKey(List<String> row) {
        StringBuilder key = new StringBuilder();
        for (String field : row) {
            key.append(isFloatingPoint(field) ? number(field).round(ORDERING_PRECISION).toString() : field)
                    .append('\u0000');
        }
        return key.toString();
    }

    /** The fields of one line; Spark quotes a field that holds a comma or a quote and doubles inner quotes. */
    private static List<String> fields(String line, Path folder) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new AssertionError("Unterminated quote in a line of " + folder + " (a field spanning lines is not"
                    + " expected in an analytic): " + line);
        }
        fields.add(field.toString());
        return fields;
    }
}
