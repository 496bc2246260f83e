package io.ecomanalytics.hbase;

/** What {@link SessionStore#createTable} did. */
public enum TableCreation {
    /** The table did not exist and was created. */
    CREATED,
    /** A table of that name with the session families was already there and was left as it was. */
    ALREADY_PRESENT
}
