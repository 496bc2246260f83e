package io.ecomanalytics.streaming;

import io.ecomanalytics.data.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a dataset's transactions and sessions to {@link EventTopics#TRANSACTIONS} and {@link EventTopics#SESSIONS}
 * in event-time order, keyed by user id (so one user's events stay in order in one partition), each event the
 * record's JSON exactly as the file spells it.
 *
 * <pre>{@code
 * ReplayReport report = EventReplay.replay(folder, "127.0.0.1:9092", ReplayPace.eventsPerSecond(1000),
 *         ProgressListener.NONE);
 * }</pre>
 */
public final class EventReplay {
    private static final int PROGRESS_EVERY = 1_000;
    private static final long ACKNOWLEDGE_TIMEOUT_SECONDS = 60;

    private EventReplay() {
    }

    /**
     * Sends every event and waits until the broker acknowledged all of them (idempotent producer, acks from all
     * replicas), so a report means the events are in the log.
     *
     * @throws ReplayException if the dataset cannot be read or the broker does not acknowledge
     */
    public static ReplayReport replay(Path folder, String bootstrapServers, ReplayPace pace,
            ProgressListener progress) {
        List<DatasetEvent> events = DatasetEvents.read(folder);
        TopicSetup.ensureTopics(bootstrapServers);
        long startNanos = System.nanoTime();
        long transactions = 0;
        long sessions = 0;
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            long firstEventMillis = events.isEmpty() ? 0 : firstTimed(events);
            Future<RecordMetadata> last = null;
            for (int index = 0; index < events.size(); index++) {
                DatasetEvent event = events.get(index);
                waitUntil(startNanos + pace.dueNanos(index, firstEventMillis, event.eventTimeMillis()));
                last = producer.send(new ProducerRecord<>(event.topic(), event.key(), event.json()));
                if (event.topic().equals(EventTopics.TRANSACTIONS)) {
                    transactions++;
                } else {
                    sessions++;
                }
                if ((index + 1) % PROGRESS_EVERY == 0) {
                    progress.progress("replay", index + 1, events.size());
                }
            }
            producer.flush();
            if (last != null) {
                last.get(ACKNOWLEDGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new ReplayException("Kafka at " + bootstrapServers + " did not acknowledge the events: "
                    + e.getMessage() + ". Check that the broker is running (serve prints its address).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("Replay interrupted after " + (transactions + sessions) + " events", e);
        } catch (KafkaException e) {
            throw new ReplayException("Cannot send to Kafka at " + bootstrapServers + ": " + e.getMessage()
                    + ". Check the address (serve prints it as 'kafka HOST:PORT').", e);
        }
        progress.progress("replay", events.size(), events.size());
        return new ReplayReport(transactions, sessions, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static long firstTimed(List<DatasetEvent> events) {
        for (DatasetEvent event : events) {
            if (event.eventTimeMillis() != Long.MIN_VALUE) {
                return event.eventTimeMillis();
            }
        }
        return Long.MIN_VALUE;
    }

    /** Pacing, not polling: the replay has nothing else to do until the next event is due. */
    private static void waitUntil(long dueNanos) throws InterruptedException {
        long remaining;
        while ((remaining = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
