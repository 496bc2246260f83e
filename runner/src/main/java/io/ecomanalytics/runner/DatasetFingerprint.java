package io.ecomanalytics.runner;

import io.ecomanalytics.data.DatasetFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What identifies a dataset for a kept store: each file the loaders read (name, size in bytes, SHA-256 of the
 * content), in name order. Two folders with the same files byte for byte have the same fingerprint wherever they lie,
 * so a dataset generated again with the same scale and seed is recognised.
 *
 * @param files one entry per file, ordered by name
 */
record DatasetFingerprint(List<FileEntry> files) {
    private static final String HEADER = "# The dataset this store holds, written when its load completed:"
            + " file, bytes, SHA-256.";

    /** One file of the dataset. */
    record FileEntry(String name, long bytes, String sha256) {
    }

    DatasetFingerprint {
        files = List.copyOf(files);
    }

    /** The fingerprint of the dataset folder's files (those {@link DatasetFiles} reads). */
    static DatasetFingerprint of(Path dataset) {
        List<FileEntry> entries = new ArrayList<>();
        DatasetFiles.open(dataset).allFiles().stream().sorted().forEach(file -> entries.add(entryOf(file)));
        return new DatasetFingerprint(entries);
    }

    private static FileEntry entryOf(Path file) {
        try (InputStream input = new DigestInputStream(Files.newInputStream(file), sha256())) {
            byte[] buffer = new byte[1 << 16];
            long bytes = 0;
            for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
                bytes += read;
            }
            String digest = HexFormat.of().formatHex(((DigestInputStream) input).getMessageDigest().digest());
            return new FileEntry(file.getFileName().toString(), bytes, digest);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " to fingerprint the dataset: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM offers no SHA-256, which every Java platform must have", e);
        }
    }

    /** The first 12 hex digits of a hash over every entry: enough to tell datasets apart in a line of text. */
    String shortId() {
        MessageDigest digest = sha256();
        digest.update(text().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /** Writes the fingerprint to {@code file} as text: a comment line, then one line per file. */
    void write(Path file) {
        try {
            Files.writeString(file, HEADER + System.lineSeparator() + text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dataset fingerprint " + file + ": " + e.getMessage(), e);
        }
    }

    /** The fingerprint written at {@code file}, or empty when there is none or it cannot be parsed. */
    static Optional<DatasetFingerprint> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<FileEntry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.strip().split(" ");
                if (fields.length != 3) {
                    return Optional.empty();
                }
                entries.add(new FileEntry(fields[0], Long.parseLong(fields[1]), fields[2]));
            }
        } catch (IOException | NumberFormatException e) {
            // A fingerprint that cannot be read proves nothing: the store is loaded again.
            return Optional.empty();
        }
        return Optional.of(new DatasetFingerprint(entries));
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        files.forEach(entry -> text.append(entry.name()).append(' ').append(entry.bytes()).append(' ')
                .append(entry.sha256()).append(System.lineSeparator()));
        return text.toString();
    }
}
