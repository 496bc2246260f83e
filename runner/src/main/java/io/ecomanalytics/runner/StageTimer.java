package io.ecomanalytics.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Times the stages of a run, logs a line for each as it ends and keeps their records for the summary. */
final class StageTimer {
    private static final Logger LOG = LoggerFactory.getLogger("io.ecomanalytics.progress");

    private final List<StageRecord> records = new ArrayList<>();
    private String current;
    private long startNanos;

    /** Marks the start of a stage. */
    void start(String stage) {
        current = stage;
        startNanos = System.nanoTime();
        LOG.info("{}: started", stage);
    }

    /** Ends the current stage with its counts. */
    StageRecord end(long recordsIn, long recordsOut, long rejected) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        StageRecord record = new StageRecord(current, recordsIn, recordsOut, rejected, seconds, Optional.empty());
        records.add(record);
        LOG.info(String.format(Locale.ROOT, "%s: done in %.1f s, %,d in, %,d out, %,d rejected (%,.0f records/s)",
                current, seconds, recordsIn, recordsOut, rejected, record.recordsPerSecond()));
        return record;
    }

    /** Records a stage that did not run, and why (it shows in the table and the summary). */
    void skip(String stage, String reason) {
        records.add(new StageRecord(stage, 0, 0, 0, 0, Optional.of(reason)));
        LOG.info("{}: skipped, {}", stage, reason);
    }

    List<StageRecord> records() {
        return List.copyOf(records);
    }

    /** The stages as an aligned text table, one line per stage plus a total. */
    static String table(List<StageRecord> records) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-16s %12s %12s %10s %9s %12s%n",
                "stage", "in", "out", "rejected", "seconds", "records/s"));
        double total = 0;
        for (StageRecord record : records) {
            if (record.skipped().isPresent()) {
                table.append(String.format(Locale.ROOT, "%-16s skipped: %s%n", record.stage(),
                        record.skipped().get()));
                continue;
            }
            total += record.seconds();
            table.append(String.format(Locale.ROOT, "%-16s %,12d %,12d %,10d %9.1f %,12.0f%n", record.stage(),
                    record.recordsIn(), record.recordsOut(), record.rejected(), record.seconds(),
                    record.recordsPerSecond()));
        }
        table.append(String.format(Locale.ROOT, "%-16s %12s %12s %10s %9.1f%n", "total", "", "", "", total));
        return table.toString();
    }
}
