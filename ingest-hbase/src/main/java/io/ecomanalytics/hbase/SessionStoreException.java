package io.ecomanalytics.hbase;

/**
 * The session table cannot be used as asked: HBase is unreachable, the table has the wrong shape, a load could not
 * stage its files. The message says what went wrong, why, and how to fix it.
 */
public final class SessionStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
