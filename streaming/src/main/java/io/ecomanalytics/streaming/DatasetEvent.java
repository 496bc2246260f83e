package io.ecomanalytics.streaming;

/**
 * One record of a dataset as an event: its event time (epoch milliseconds; {@link Long#MIN_VALUE} when the record
 * has none that parses, so that it is sent first and the stream rejects it), the topic, the key (the user id, null
 * when missing) and the record's JSON text exactly as the file spells it.
 */
public record DatasetEvent(long eventTimeMillis, String topic, String key, String json) {
}
