package io.ecomanalytics.runner;

import java.util.List;

/** Query results as text: an aligned table for people, or CSV (RFC 4180 quoting) for tools. */
final class TextTables {
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
        StringBuilder text = new StringBuilder();
        text.append(csvLine(columns));
        rows.forEach(row -> text.append(csvLine(row)));
        return text.toString();
    }

    private static void appendLine(StringBuilder text, List<String> values, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            String value = values.get(i);
            text.append(i == 0 ? "" : " | ").append(value).append(" ".repeat(widths[i] - value.length()));
        }
        text.append(System.lineSeparator());
    }

    private static String csvLine(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n");
            line.append(i == 0 ? "" : ",").append(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return line.append(System.lineSeparator()).toString();
    }
}
