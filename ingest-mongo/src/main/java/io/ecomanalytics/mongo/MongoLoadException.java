package io.ecomanalytics.mongo;

/**
 * A load stopped: the server stayed unreachable (or kept failing transiently) through every retry, or refused a
 * batch as a whole. The message names the collection, the server (password masked), the attempts and the cause. The
 * load is idempotent: run it again once the server is back, and it completes without duplicates.
 */
public final class MongoLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MongoLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
