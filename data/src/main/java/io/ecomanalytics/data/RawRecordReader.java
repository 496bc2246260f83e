package io.ecomanalytics.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Recovers the text of rejected records from a second, forward-only read of the same file, opened on the first
 * reject. Rejects arrive in file order, so the whole file is read at most once more, and accepted records cost
 * nothing (no per-record copy).
 */
final class RawRecordReader implements Closeable {

    static final int MAX_RAW_BYTES = 1 << 20;

    private final Path file;
    private InputStream input;
    private long position;

    RawRecordReader(Path file) {
        this.file = file;
    }

    /** The bytes [from, to) of the file as text, cut after {@link #MAX_RAW_BYTES}. */
    String read(long from, long to) {
        try {
            if (input == null || from < position) {
                close();
                input = Files.newInputStream(file);
                if (file.getFileName().toString().endsWith(".gz")) {
                    input = new GZIPInputStream(input, 1 << 16);
                }
                position = 0;
            }
            input.skipNBytes(from - position);
            int length = (int) Math.min(to - from, MAX_RAW_BYTES);
            byte[] bytes = input.readNBytes(length);
            position = from + bytes.length;
            String text = new String(bytes, StandardCharsets.UTF_8);
            return to - from > MAX_RAW_BYTES ? text + "...(cut: record is " + (to - from) + " bytes)" : text;
        } catch (IOException e) {
            return "(raw record unavailable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (input != null) {
            try {
                input.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close " + file, e);
            }
            input = null;
        }
    }
}
