package io.ecomanalytics.data;

/**
 * The outcome of validating one event: the record when it keeps every rule, else the rule it broke first, the field
 * and why (the same rule names and messages the batch path's rejects carry).
 *
 * @param record  the accepted record, null when rejected
 * @param rule    the rule broken first, null when accepted
 * @param field   the offending field path, e.g. {@code items[1].quantity}, or {@code (record)}; null when accepted
 * @param message what is wrong, null when accepted
 * @param <T>     the record type
 */
public record EventVerdict<T>(T record, Rule rule, String field, String message) {

    static <T> EventVerdict<T> accepted(T record) {
        return new EventVerdict<>(record, null, null, null);
    }

    static <T> EventVerdict<T> rejected(Rule rule, String field, String message) {
        return new EventVerdict<>(null, rule, field, message);
    }

    /** True when the event keeps every rule. */
    public boolean isAccepted() {
        return rule == null;
    }
}
