package io.ecomanalytics.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaIT {

    @Test
    void servesOnLoopbackAndDeletesItsLogsOnClose() throws Exception {
        Path logs;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            logs = kafka.logFolder();
            assertThat(kafka.bootstrapServers()).matches("(localhost|127\\.0\\.0\\.1):\\d+");
            assertThat(logs).isDirectory();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "user_000001", "{\"a\":1}")).get();
            }
            assertThat(EventReplayIT.readAll(kafka.bootstrapServers(), "probe", 1).stream()
                    .map(record -> record.key() + "=" + record.value()))
                    .containsExactly("user_000001={\"a\":1}");
        }
        assertThat(Files.exists(logs)).isFalse();
    }
}
