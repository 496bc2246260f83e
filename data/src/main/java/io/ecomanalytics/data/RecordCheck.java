package io.ecomanalytics.data;

/**
 * The rules of the {@link RuleTable} that compare fields of one record with each other. Each names the rule a
 * record breaks and the field it is reported at.
 */
public enum RecordCheck {
    /** Each item's subtotal is its quantity times its unit price, to within half a cent. */
    ITEM_SUBTOTAL(Rule.ARITHMETIC, "items[].subtotal"),
    /** The transaction's subtotal is the sum of its item subtotals, to within half a cent. */
    TRANSACTION_SUBTOTAL(Rule.ARITHMETIC, "subtotal"),
    /** The discount does not exceed the subtotal. */
    DISCOUNT_WITHIN_SUBTOTAL(Rule.RANGE, "discount"),
    /** The total is subtotal minus discount, to within half a cent. */
    TRANSACTION_TOTAL(Rule.ARITHMETIC, "total"),
    /** A user is not last active before registering. */
    USER_ACTIVE_AFTER_REGISTRATION(Rule.CHRONOLOGY, "last_active"),
    /** A session does not end before it starts. */
    SESSION_ENDS_AFTER_START(Rule.CHRONOLOGY, "end_time");

    private final Rule rule;
    private final String field;

    RecordCheck(Rule rule, String field) {
        this.rule = rule;
        this.field = field;
    }

    /** The rule a record that fails this check breaks. */
    public Rule rule() {
        return rule;
    }

    /** The path of the field the failure is reported at. */
    public String field() {
        return field;
    }
}
