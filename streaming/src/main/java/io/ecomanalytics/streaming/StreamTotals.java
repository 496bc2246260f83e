package io.ecomanalytics.streaming;

/**
 * What a run of {@link LiveStream} did so far (a restarted run counts again what it re-reads).
 *
 * @param batches      micro-batches with events
 * @param read         events read
 * @param transactions transactions upserted into MongoDB
 * @param sessions     sessions upserted into HBase
 * @param rejected     events sent to {@link EventTopics#REJECTS}
 */
public record StreamTotals(long batches, long read, long transactions, long sessions, long rejected) {
}
