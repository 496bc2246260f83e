package io.ecomanalytics.data;

/** Whether a field must hold a value (see {@link RuleTable}). */
public enum Presence {
    /** Missing or null breaks rule {@link Rule#REQUIRED}. */
    REQUIRED,
    /** May be missing or null. */
    OPTIONAL
}
