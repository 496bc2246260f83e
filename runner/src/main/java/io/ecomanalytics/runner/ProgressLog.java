package io.ecomanalytics.runner;

import io.ecomanalytics.data.ProgressListener;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the progress of a long stage at most every few seconds: units done, rate and estimated time left.
 * A new step name (e.g. {@code users} then {@code sessions}) restarts the rate.
 */
final class ProgressLog implements ProgressListener {
    private static final Logger LOG = LoggerFactory.getLogger("io.ecomanalytics.progress");
    private static final long INTERVAL_NANOS = Duration.ofSeconds(3).toNanos();

    private final String stage;
    private String step = "";
    private long stepStartNanos;
    private long lastLogNanos;

    ProgressLog(String stage) {
        this.stage = stage;
    }

    @Override
    public void progress(String currentStep, long done, long total) {
        long now = System.nanoTime();
        if (!currentStep.equals(step)) {
            step = currentStep;
            stepStartNanos = now;
            lastLogNanos = now;
            return;
        }
        if (now - lastLogNanos < INTERVAL_NANOS && done < total) {
            return;
        }
        lastLogNanos = now;
        double seconds = Math.max(1e-9, (now - stepStartNanos) / 1e9);
        double rate = done / seconds;
        String eta = rate > 0 && total > done ? formatSeconds((total - done) / rate) : "0 s";
        LOG.info("{} {}: {} / {} ({} /s, ETA {})", stage, step, format(done), format(total), format((long) rate), eta);
    }

    static String format(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String formatSeconds(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        return String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
    }
}
