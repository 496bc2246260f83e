package io.ecomanalytics.data;

/**
 * A record that a plain (non-validating) {@link RecordStream} could not map to its Java record: a missing required
 * field, a wrong type, a number out of range. A {@code ValidatingDataset} rejects such records to a sink instead.
 */
public final class InvalidRecordException extends RuntimeException {

    private final RecordPosition position;
    private final Rule rule;
    private final String field;

    InvalidRecordException(RecordPosition position, Rule rule, String field, String message) {
        super(position + ", field '" + field + "': " + message + " (rule " + rule.wireName()
                + "). Read the dataset through ValidatingDataset to reject such records instead of stopping.");
        this.position = position;
        this.rule = rule;
        this.field = field;
    }

    /** Where the record starts. */
    public RecordPosition position() {
        return position;
    }

    /** The rule the record broke. */
    public Rule rule() {
        return rule;
    }

    /** The field path, e.g. {@code items[2].quantity}. */
    public String field() {
        return field;
    }
}
