package io.ecomanalytics.runner;

import java.util.Optional;

/**
 * What one stage of a run did.
 *
 * @param stage     the stage name, e.g. {@code load-mongo}
 * @param recordsIn records the stage took in
 * @param recordsOut records it produced or stored
 * @param rejected  records it refused (with a reason recorded elsewhere: reject file, load report)
 * @param seconds   wall time
 * @param skipped   why the stage did not run (a kept store that already holds the dataset), or empty when it ran
 */
record StageRecord(String stage, long recordsIn, long recordsOut, long rejected, double seconds,
        Optional<String> skipped) {

    /** Records per second of wall time, on the input side. */
    double recordsPerSecond() {
        return seconds <= 0 ? 0 : recordsIn / seconds;
    }
}
