package io.ecomanalytics.streaming;

/** The Kafka topics of the live path. */
public final class EventTopics {
    /** One event per transaction, the dataset's JSON object as written, keyed by user id. */
    public static final String TRANSACTIONS = "ecommerce.transactions";
    /** One event per session (sent when it ends), the dataset's JSON object as written, keyed by user id. */
    public static final String SESSIONS = "ecommerce.sessions";
    /** Events the stream refused: JSON with the topic, the rule, the message and the event as received. */
    public static final String REJECTS = "ecommerce.rejects";

    private EventTopics() {
    }
}
