package io.ecomanalytics.mongo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Counts the elements of the JSON arrays in a list of files with a token-only pass (several hundred MB/s), so that
 * progress lines can give an ETA. A file that is not a readable array yields -1: the reader reports its fault.
 */
final class RecordCounter {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private RecordCounter() {
    }

    static long count(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            long count = count(file);
            if (count < 0) {
                return -1;
            }
            total += count;
        }
        return total;
    }

    private static long count(Path file) {
        try (InputStream input = open(file); JsonParser parser = JSON.createParser(input)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return -1;
            }
            long count = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    return -1;
                }
                count++;
                parser.skipChildren();
            }
            return count;
        } catch (IOException e) {
            return -1;
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream input = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(input, 1 << 16) : input;
    }
}
