package io.ecomanalytics.data;

/**
 * A record that cannot be accepted: which rule it broke, at which field, and why. Thrown by the codecs while mapping
 * and by the rules; cheap because it carries no stack trace (it is control flow, not a bug report).
 */
final class RecordViolation extends Exception {

    private final Rule rule;
    private final String field;

    RecordViolation(Rule rule, String field, String message) {
        super(message, null, false, false);
        this.rule = rule;
        this.field = field;
    }

    /**
     * The same violation seen from the enclosing value: {@code quantity} inside {@code items[2]} becomes
     * {@code items[2].quantity}. Paths are built only when something is wrong, never on the hot path.
     */
    RecordViolation within(String prefix) {
        return new RecordViolation(rule, field.isEmpty() ? prefix : prefix + "." + field, getMessage());
    }

    Rule rule() {
        return rule;
    }

    String field() {
        return field;
    }
}
