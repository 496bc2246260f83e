package io.ecomanalytics.data;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer's planted truth, as far as a model can be checked against it.
 *
 * @param userId    the user's id
 * @param segment   the planted segment
 * @param churnedAt when the customer dropped out for good, or empty while still alive at the period's end
 */
public record PlantedCustomer(String userId, PlantedSegment segment, Optional<Instant> churnedAt) {

    public PlantedCustomer {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(churnedAt, "churnedAt");
    }

    /** Whether the customer had dropped out by {@code moment}. */
    public boolean churnedBy(Instant moment) {
        return churnedAt.filter(churned -> !churned.isAfter(moment)).isPresent();
    }
}
