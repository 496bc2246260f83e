package io.ecomanalytics.data;

/** The named validation rules. Every rejected record carries exactly one of them: the first it broke. */
public enum Rule {
    /** A required field is missing or null. */
    REQUIRED("required"),
    /** A field has the wrong JSON type (a string where a number belongs), or a record is not an object. */
    TYPE("type"),
    /** A value is not one of the dataset's enumerated values ({@link Vocabulary}). */
    ENUMERATION("enumeration"),
    /** A number is out of its allowed range (quantity > 0, prices >= 0, duration 0..86400, ...). */
    RANGE("range"),
    /** Amounts do not add up to the cent (item subtotal, transaction subtotal, total). */
    ARITHMETIC("arithmetic"),
    /** Times are out of order (a session that ends before it starts). */
    CHRONOLOGY("chronology"),
    /** The id was already seen earlier in the same entity's files. */
    DUPLICATE_ID("duplicate-id"),
    /** The record points at a user, product or category that is not among the accepted records. */
    REFERENCE("reference");

    private final String wireName;

    Rule(String wireName) {
        this.wireName = wireName;
    }

    /** The rule's name as written in reject files and reports, e.g. {@code duplicate-id}. */
    public String wireName() {
        return wireName;
    }
}
