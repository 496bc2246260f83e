package io.ecomanalytics.runner;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The CSV results of a run, read back plainly (the analytics' values are flat: no quoted commas). */
final class ResultTables {
    private ResultTables() {
    }

    /** The rows of {@code csv/<table>/part-*.csv} of a results folder, each as column name to text. */
    static List<Map<String, String>> csv(Path results, String table) throws IOException {
        Path csvFile;
        try (Stream<Path> files = Files.list(results.resolve("csv").resolve(table))) {
            csvFile = files.filter(path -> path.getFileName().toString().endsWith(".csv")).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + table + " CSV file in " + results));
        }
        List<String> lines = Files.readAllLines(csvFile);
        String[] header = lines.get(0).split(",", -1);
        return lines.stream().skip(1).map(line -> {
            String[] values = line.split(",", -1);
            Map<String, String> row = new TreeMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], values[i]);
            }
            return row;
        }).toList();
    }

    /** Category id to revenue, as the results folder's {@code revenue_by_category} CSV file has them. */
    static Map<String, BigDecimal> revenueByCategory(Path results) throws IOException {
        Map<String, BigDecimal> revenues = new TreeMap<>();
        for (Map<String, String> row : csv(results, "revenue_by_category")) {
            revenues.put(row.get("category_id"), new BigDecimal(row.get("revenue")));
        }
        return revenues;
    }
}
