package io.ecomanalytics.streaming;

import java.time.Duration;
import java.util.Objects;

/**
 * How the live stream runs.
 *
 * @param bootstrapServers Kafka bootstrap servers, HOST:PORT[,HOST:PORT...]
 * @param targets          the stores the sinks write to
 * @param checkpoint       the checkpoint folder or URI: offsets and batch ids, what makes a restart resume exactly
 * @param trigger          time between micro-batches
 * @param watermarkDelay   how far behind the largest event time seen a window closes; later events are counted late
 * @param maxEventsPerBatch the most events one micro-batch reads (0: no limit), to bound a batch after a backlog
 */
public record LiveStreamSettings(String bootstrapServers, StoreTargets targets, String checkpoint, Duration trigger,
                                 Duration watermarkDelay, long maxEventsPerBatch) {

    /** The default allowed lateness: two minutes of event time. */
    public static final Duration DEFAULT_WATERMARK_DELAY = Duration.ofMinutes(2);

    public LiveStreamSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(watermarkDelay, "watermarkDelay");
        if (trigger.isNegative() || watermarkDelay.isNegative() || maxEventsPerBatch < 0) {
            throw new IllegalArgumentException("The trigger interval, the watermark delay and the events per batch"
                    + " cannot be negative");
        }
    }
}
