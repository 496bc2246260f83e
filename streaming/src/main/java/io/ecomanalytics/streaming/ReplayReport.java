package io.ecomanalytics.streaming;

/** What {@link EventReplay} sent: events per topic, acknowledged by the broker, and how long it took. */
public record ReplayReport(long transactions, long sessions, long elapsedMillis) {

    /** Every event sent. */
    public long total() {
        return transactions + sessions;
    }

    /** Events per second over the whole replay. */
    public double eventsPerSecond() {
        return elapsedMillis == 0 ? 0 : total() * 1000.0 / elapsedMillis;
    }
}
