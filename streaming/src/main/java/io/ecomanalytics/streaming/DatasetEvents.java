package io.ecomanalytics.streaming;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ecomanalytics.data.DatasetFiles;
import io.ecomanalytics.data.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a dataset's transactions and sessions as events in event-time order. Each event's text is the bytes of the
 * record in its file, never re-serialised, so field names and values reach Kafka exactly as the dataset spells them.
 * A transaction's event time is its {@code timestamp}; a session's is its {@code end_time} (a session is an event
 * when it ends). Sorting across files needs every event in memory: fine for the tiny and small scales a live demo
 * replays (about 200 bytes per transaction and 1 KB per session).
 */
final class DatasetEvents {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private DatasetEvents() {
    }

    static List<DatasetEvent> read(Path folder) {
        DatasetFiles files = DatasetFiles.open(folder);
        List<DatasetEvent> events = new ArrayList<>();
        for (Path file : files.files(EntityType.TRANSACTIONS)) {
            readFile(file, EventTopics.TRANSACTIONS, "timestamp", events);
        }
        for (Path file : files.files(EntityType.SESSIONS)) {
            readFile(file, EventTopics.SESSIONS, "end_time", events);
        }
        // A stable sort: records with the same event time keep their file order.
        events.sort(Comparator.comparingLong(DatasetEvent::eventTimeMillis));
        return events;
    }

    private static void readFile(Path file, String topic, String timeField, List<DatasetEvent> events) {
        byte[] bytes = readBytes(file);
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ReplayException(file + " does not hold a JSON array: replay reads the dataset's files as"
                        + " the generator writes them");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                String key = null;
                String time = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.VALUE_STRING && field.equals("user_id")) {
                        key = parser.getText();
                    } else if (value == JsonToken.VALUE_STRING && field.equals(timeField)) {
                        time = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
                int end = (int) parser.currentLocation().getByteOffset();
                String json = new String(bytes, start, end - start, StandardCharsets.UTF_8);
                events.add(new DatasetEvent(epochMillis(time), topic, key, json));
            }
        } catch (JsonParseException e) {
            throw new ReplayException(file + " is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()
                    + ". Check the file with 'validate --data'.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static byte[] readBytes(Path file) {
        try (InputStream input = file.getFileName().toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file), 1 << 16) : Files.newInputStream(file)) {
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Naive ISO-8601 datetimes are UTC, as everywhere in the project; an offset, when written, is honoured. */
    static long epochMillis(String text) {
        if (text == null) {
            return Long.MIN_VALUE;
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException naiveFailed) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return Long.MIN_VALUE;
            }
        }
    }
}
