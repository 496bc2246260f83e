package io.ecomanalytics.mongo;

/** An embedded server could not start; the message names the server, the address and the cause. */
public final class EmbeddedServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EmbeddedServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
