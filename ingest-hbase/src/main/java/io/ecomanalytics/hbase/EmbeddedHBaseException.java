package io.ecomanalytics.hbase;

/** The in-process HBase could not start; the message names the data folder and the cause. */
public final class EmbeddedHBaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EmbeddedHBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
