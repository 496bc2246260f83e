package io.ecomanalytics.streaming;

/** The live stream could not start or stopped on a failure; the message says what went wrong and what to do. */
public final class LiveStreamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LiveStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
