package io.ecomanalytics.clv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One line of a purchase log: who bought, when, for how much.
 *
 * @param customerId the customer's identifier, as it appears in the source
 * @param time       the purchase's time; a log resolved to days gives the start of the UTC day
 * @param amount     the money spent, zero or more
 */
public record Purchase(String customerId, Instant time, double amount) {

    public Purchase {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(time, "time");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("a purchase at " + time + " has a blank customer id;"
                    + " every purchase needs the id of the customer who made it");
        }
        if (!(amount >= 0.0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("purchase of customer " + customerId + " at " + time + " has amount "
                    + amount + "; amounts must be finite and not negative (remove refunds and returns before"
                    + " summarising, they are not purchases)");
        }
    }

    /** A purchase known only to the day, placed at the start of that UTC day. */
    public Purchase(String customerId, LocalDate date, double amount) {
        this(customerId, Objects.requireNonNull(date, "date").atStartOfDay(ZoneOffset.UTC).toInstant(), amount);
    }

    /** The purchase's UTC day. */
    public LocalDate date() {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }
}
