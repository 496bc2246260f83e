package io.ecomanalytics.runner;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One SHA-256 per CSV result table of a run, that ignores what may change without the results changing: the order
 * of the rows, how many part files hold them, and timing columns (names ending in {@code _seconds}).
 *
 * <p>{@code main} writes the digests of a results folder in the format of {@code results/small-seed-42.sha256}:
 * <pre>
 * java ... io.ecomanalytics.runner.ResultDigests RESULTS_FOLDER runner/src/test/resources/results/small-seed-42.sha256
 * </pre>
 */
final class ResultDigests {
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private ResultDigests() {
    }

    /** Table name to digest, for every folder under {@code results/csv}. */
    static SortedMap<String, String> of(Path results) throws IOException {
        SortedMap<String, String> digests = new TreeMap<>();
        try (Stream<Path> tables = Files.list(results.resolve("csv"))) {
            for (Path table : tables.filter(Files::isDirectory).toList()) {
                digests.put(table.getFileName().toString(), digest(table));
            }
        }
        return digests;
    }

    /** The digests as {@link #main} writes them, one {@code table digest} line each. */
    static SortedMap<String, String> read(Path file) throws IOException {
        SortedMap<String, String> digests = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+");
                digests.put(parts[0], parts[1]);
            }
        }
        return digests;
    }

    private static String digest(Path table) throws IOException {
        List<String> header = null;
        List<String> rows = new ArrayList<>();
        List<Path> parts;
        try (Stream<Path> files = Files.list(table)) {
            parts = files.filter(path -> path.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        for (Path part : parts) {
            try (MappingIterator<List<String>> lines = CSV.readerForListOf(String.class).readValues(part.toFile())) {
                if (!lines.hasNext()) {
                    continue;
                }
                List<String> partHeader = lines.next();
                if (header != null && !header.equals(partHeader)) {
                    throw new IllegalStateException(part + " has another header than the table's other parts");
                }
                header = partHeader;
                while (lines.hasNext()) {
                    List<String> values = new ArrayList<>(lines.next());
                    for (int i = 0; i < header.size() && i < values.size(); i++) {
                        if (header.get(i).endsWith("_seconds")) {
                            values.set(i, "");
                        }
                    }
                    rows.add(CSV.writeValueAsString(values));
                }
            }
        }
        rows.sort(null);
        MessageDigest sha256 = sha256();
        sha256.update(String.valueOf(header).getBytes(StandardCharsets.UTF_8));
        for (String row : rows) {
            sha256.update(row.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static void main(String[] arguments) throws IOException {
        StringBuilder text = new StringBuilder("# ResultDigests of a results folder; see results/README.md\n");
        for (Map.Entry<String, String> entry : of(Path.of(arguments[0])).entrySet()) {
            text.append(entry.getKey()).append(' ').append(entry.getValue()).append('\n');
        }
        Files.writeString(Path.of(arguments[1]), text);
    }
}
