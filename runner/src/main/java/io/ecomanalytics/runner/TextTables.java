package io.ecomanalytics.runner;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Query results as text: an aligned table for people, or CSV (RFC 4180 quoting) for tools. */
final class TextTables {
    /** Quotes only the values that need it, as a spreadsheet would write them. */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private TextTables() {
    }

    static String aligned(List<String> columns, List<List<String>> rows) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendLine(text, columns, widths);
        for (int i = 0; i < widths.length; i++) {
            text.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        text.append(System.lineSeparator());
        rows.forEach(row -> appendLine(text, row, widths));
        text.append(rows.size()).append(rows.size() == 1 ? " row" : " rows").append(System.lineSeparator());
        return text.toString();
    }

    static String csv(List<String> columns, List<List<String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true)
                .setLineSeparator(System.lineSeparator());
        columns.forEach(schema::addColumn);
        StringWriter text = new StringWriter();
        try (SequenceWriter writer = CSV.writer(schema.build()).writeValues(text)) {
            for (List<String> row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the result as CSV: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static void appendLine(StringBuilder text, List<String> values, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            String value = values.get(i);
            text.append(i == 0 ? "" : " | ").append(value).append(" ".repeat(widths[i] - value.length()));
        }
        text.append(System.lineSeparator());
    }
}
