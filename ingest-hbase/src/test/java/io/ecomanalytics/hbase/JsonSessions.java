package io.ecomanalytics.hbase;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The expected side of the integration tests: a plain Jackson pass over a dataset's session files, independent of
 * the data module's reader and of the code under test.
 */
final class JsonSessions {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<JsonNode> sessions;

    private JsonSessions(List<JsonNode> sessions) {
        this.sessions = sessions;
    }

    static JsonSessions read(Path datasetFolder) {
        List<JsonNode> sessions = new ArrayList<>();
        try (Stream<Path> files = Files.list(datasetFolder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().matches("sessions_\\d+\\.json"))
                    .sorted().toList()) {
                MAPPER.readTree(file.toFile()).forEach(sessions::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JsonSessions(sessions);
    }

    /** Session count and summed {@code duration_seconds} of a large dataset, streaming (no tree in memory). */
    static long[] countAndTotalDuration(Path datasetFolder) {
        long count = 0;
        long duration = 0;
        try (Stream<Path> files = Files.list(datasetFolder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().matches("sessions_\\d+\\.json"))
                    .toList()) {
                try (JsonParser parser = MAPPER.getFactory().createParser(file.toFile())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        count++;
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String field = parser.currentName();
                            parser.nextToken();
                            if (field.equals("duration_seconds")) {
                                duration += parser.getLongValue();
                            } else {
                                parser.skipChildren();
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {count, duration};
    }

    List<JsonNode> all() {
        return sessions;
    }

    static Instant start(JsonNode session) {
        return Instant.parse(session.get("start_time").asText() + "Z");
    }

    long count() {
        return sessions.size();
    }

    long totalDurationSeconds() {
        return sessions.stream().mapToLong(session -> session.get("duration_seconds").asLong()).sum();
    }

    long totalPageViews() {
        return sessions.stream().mapToLong(session -> session.get("page_views").size()).sum();
    }

    long totalCartQuantity() {
        long total = 0;
        for (JsonNode session : sessions) {
            for (Iterator<Map.Entry<String, JsonNode>> it = session.get("cart_contents").fields(); it.hasNext(); ) {
                total += it.next().getValue().get("quantity").asLong();
            }
        }
        return total;
    }

    BigDecimal totalCartValue() {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode session : sessions) {
            for (Iterator<Map.Entry<String, JsonNode>> it = session.get("cart_contents").fields(); it.hasNext(); ) {
                JsonNode item = it.next().getValue();
                total = total.add(new BigDecimal(item.get("price").asText())
                        .multiply(BigDecimal.valueOf(item.get("quantity").asLong())));
            }
        }
        return total;
    }

    long startingBetween(Instant from, Instant to) {
        return sessions.stream().map(JsonSessions::start)
                .filter(start -> !start.isBefore(from) && start.isBefore(to)).count();
    }
}
