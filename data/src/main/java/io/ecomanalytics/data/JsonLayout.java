package io.ecomanalytics.data;

/** How the dataset generator lays JSON records out. Readers accept both. */
public enum JsonLayout {
    /** One compact record per line between the array's brackets: small, and a line number finds a record. */
    ONE_RECORD_PER_LINE,
    /** Indented by two spaces, one field per line, like Python's {@code json.dump(..., indent=2)}. */
    PRETTY
}
