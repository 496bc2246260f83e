package io.ecomanalytics.streaming;

/** The embedded Kafka could not be started or stopped; the message says why and what to do. */
public final class EmbeddedKafkaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
