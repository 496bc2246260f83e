package io.ecomanalytics.clv;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a purchase log: who bought, on which day (UTC), for how much.
 *
 * @param customerId the customer's identifier, as it appears in the source
 * @param date       the purchase day; purchases are resolved to whole days
 * @param amount     the money spent, zero or more
 */
public record Purchase(String customerId, LocalDate date, double amount) {

    public Purchase {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("a purchase on " + date + " has a blank customer id;"
                    + " every purchase needs the id of the customer who made it");
        }
        if (!(amount >= 0.0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("purchase of customer " + customerId + " on " + date + " has amount "
                    + amount + "; amounts must be finite and not negative (remove refunds and returns before"
                    + " summarising, they are not purchases)");
        }
    }
}
