package io.ecomanalytics.data;

/**
 * A record kept out of the load, and why.
 *
 * @param position  where the record starts (file, record index, line, column)
 * @param rule      the rule it broke first
 * @param field     the offending field path, e.g. {@code items[1].quantity}, or {@code (record)}
 * @param message   what is wrong with the value
 * @param rawRecord the record's text as it stands in the file (cut after 1 MiB)
 */
public record Reject(RecordPosition position, Rule rule, String field, String message, String rawRecord) {
}
