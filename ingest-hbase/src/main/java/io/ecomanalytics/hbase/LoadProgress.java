package io.ecomanalytics.hbase;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a progress line (sessions, rows/s, ETA when the total is known) at most once per interval. */
final class LoadProgress {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLoader.class);

    private final String label;
    private final long expected;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long nextReportNanos;

    LoadProgress(String label, long expected, Duration interval) {
        this.label = label;
        this.expected = expected;
        this.intervalNanos = interval.toNanos();
        this.nextReportNanos = startNanos + intervalNanos;
    }

    void tick(long done) {
        long now = System.nanoTime();
        if (now >= nextReportNanos) {
            nextReportNanos = now + intervalNanos;
            report(done, now);
        }
    }

    private void report(long done, long now) {
        double seconds = (now - startNanos) / 1e9;
        double rate = done / seconds;
        if (expected > 0) {
            long remaining = Math.max(0, expected - done);
            LOG.info("{}: {} of {} sessions ({}%), {} rows/s, ETA {}", label, String.format("%,d", done),
                    String.format("%,d", expected), String.format("%.1f", 100.0 * done / expected),
                    String.format("%,.0f", rate), rate > 0 ? formatDuration(remaining / rate) : "unknown");
        } else {
            LOG.info("{}: {} sessions, {} rows/s", label, String.format("%,d", done), String.format("%,.0f", rate));
        }
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static String formatDuration(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 60 ? (whole / 60) + " min " + (whole % 60) + " s" : whole + " s";
    }
}
