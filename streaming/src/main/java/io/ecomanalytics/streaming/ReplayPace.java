package io.ecomanalytics.streaming;

/**
 * How fast {@link EventReplay} sends: as fast as the broker takes events, at a fixed number of events per second, or
 * at the dataset's own event-time spacing sped up N times (a speed-up of 86,400 plays a day per second).
 */
public record ReplayPace(double eventsPerSecond, double speedup) {

    public ReplayPace {
        if (eventsPerSecond < 0 || speedup < 0 || (eventsPerSecond > 0 && speedup > 0)) {
            throw new IllegalArgumentException("Choose one pace: a positive rate or a positive speed-up, not both"
                    + " (got rate " + eventsPerSecond + ", speed-up " + speedup + ")");
        }
    }

    /** No waiting between events. */
    public static ReplayPace asFastAsPossible() {
        return new ReplayPace(0, 0);
    }

    /** A fixed rate, whatever the event times. */
    public static ReplayPace eventsPerSecond(double rate) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("The rate must be a positive number of events per second, got " + rate);
        }
        return new ReplayPace(rate, 0);
    }

    /** The gaps between event times, divided by {@code factor}. */
    public static ReplayPace speedup(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("The speed-up must be a positive factor, got " + factor);
        }
        return new ReplayPace(0, factor);
    }

    /** Nanoseconds after the start at which event number {@code index} (event time {@code eventMillis}) is due. */
    long dueNanos(long index, long firstEventMillis, long eventMillis) {
        if (eventsPerSecond > 0) {
            return (long) (index * 1e9 / eventsPerSecond);
        }
        if (speedup > 0 && firstEventMillis != Long.MIN_VALUE && eventMillis != Long.MIN_VALUE) {
            return (long) ((eventMillis - firstEventMillis) * 1e6 / speedup);
        }
        return 0;
    }
}
