package io.ecomanalytics.data;

/** The kind of JSON value a field of the dataset holds (see {@link RuleTable}). */
public enum ValueType {
    /** A JSON string. */
    TEXT,
    /** A JSON integer that fits 32 bits. */
    INTEGER,
    /** Money: a JSON number read exactly as written. */
    AMOUNT,
    /** A JSON number (a ratio or a duration). */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An ISO-8601 datetime string; naive ones are read as UTC. */
    DATETIME,
    /** A JSON object whose fields are listed under its path. */
    OBJECT,
    /** A JSON array; its elements are described by the path with {@code []} appended. */
    ARRAY,
    /** A JSON object used as a map; its values are described by the path with {@code {}} appended. */
    MAP
}
