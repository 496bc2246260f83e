package io.ecomanalytics.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecomanalytics.data.ProgressListener;
import io.ecomanalytics.testing.TestDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedKafka.class)
class EventReplayIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void sendsEveryRecordAsWrittenKeyedByUserInEventTimeOrder(EmbeddedKafka kafka) throws IOException {
        Path data = TestDatasets.copyTiny(folder.resolve("tiny"));
        List<JsonNode> transactions = records(data.resolve("transactions.json"));
        List<JsonNode> sessions = new ArrayList<>(records(data.resolve("sessions_0.json")));
        sessions.addAll(records(data.resolve("sessions_1.json")));

        ReplayReport report = EventReplay.replay(data, kafka.bootstrapServers(), ReplayPace.asFastAsPossible(),
                ProgressListener.NONE);

        assertThat(report.transactions()).isEqualTo(transactions.size());
        assertThat(report.sessions()).isEqualTo(sessions.size());
        List<ConsumerRecord<String, String>> sentTransactions =
                readAll(kafka.bootstrapServers(), EventTopics.TRANSACTIONS, transactions.size());
        List<ConsumerRecord<String, String>> sentSessions =
                readAll(kafka.bootstrapServers(), EventTopics.SESSIONS, sessions.size());
        assertSameRecords(sentTransactions, transactions, "transaction_id");
        assertSameRecords(sentSessions, sessions, "session_id");
        assertEventTimeOrderPerPartition(sentTransactions, "timestamp");
        assertEventTimeOrderPerPartition(sentSessions, "end_time");
        // The text is the file's, not a re-serialisation: a money value keeps its spelling.
        String firstFileRecord = Files.readString(data.resolve("transactions.json")).lines()
                .filter(line -> line.startsWith("{")).findFirst().orElseThrow();
        String firstRecord = firstFileRecord.endsWith(",")
                ? firstFileRecord.substring(0, firstFileRecord.length() - 1) : firstFileRecord;
        assertThat(sentTransactions).extracting(ConsumerRecord::value).contains(firstRecord);
    }

    private static void assertSameRecords(List<ConsumerRecord<String, String>> sent, List<JsonNode> expected,
            String idField) throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        for (ConsumerRecord<String, String> record : sent) {
            JsonNode node = JSON.readTree(record.value());
            assertThat(record.key()).isEqualTo(node.get("user_id").asText());
            byId.put(node.get(idField).asText(), node);
        }
        assertThat(sent).hasSameSizeAs(expected);
        for (JsonNode record : expected) {
            assertThat(byId.get(record.get(idField).asText())).isEqualTo(record);
        }
    }

    private static void assertEventTimeOrderPerPartition(List<ConsumerRecord<String, String>> sent, String timeField)
            throws IOException {
        Map<Integer, LocalDateTime> latest = new HashMap<>();
        for (ConsumerRecord<String, String> record : sent) {
            LocalDateTime time = LocalDateTime.parse(JSON.readTree(record.value()).get(timeField).asText());
            LocalDateTime previous = latest.put(record.partition(), time);
            if (previous != null) {
                assertThat(time).as("event time in partition %d", record.partition()).isAfterOrEqualTo(previous);
            }
        }
    }

    private static List<JsonNode> records(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        JSON.readTree(file.toFile()).forEach(records::add);
        return records;
    }

    static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // Anything beyond the expected count would be a duplicate: give it one more poll to show up.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
