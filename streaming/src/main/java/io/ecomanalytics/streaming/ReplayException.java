package io.ecomanalytics.streaming;

/** A dataset could not be replayed; the message says what went wrong and how to fix it. */
public final class ReplayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReplayException(String message) {
        super(message);
    }

    ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
