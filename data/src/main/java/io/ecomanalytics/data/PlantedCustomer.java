package io.ecomanalytics.data;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer's planted truth, as far as a model can be checked against it.
 *
 * @param userId    the user's id
 * @param segment   the planted segment
 * @param churnedAt     when the customer dropped out for good, or empty while still alive at the period's end
 * @param topCategories the category ids the customer was planted to prefer, most preferred first (empty when the
 *                      truth file does not list them)
 */
public record PlantedCustomer(String userId, PlantedSegment segment, Optional<Instant> churnedAt,
        List<String> topCategories) {

    public PlantedCustomer {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(churnedAt, "churnedAt");
        topCategories = List.copyOf(topCategories);
    }

    /** A customer without planted category preferences. */
    public PlantedCustomer(String userId, PlantedSegment segment, Optional<Instant> churnedAt) {
        this(userId, segment, churnedAt, List.of());
    }

    /** Whether the customer had dropped out by {@code moment}. */
    public boolean churnedBy(Instant moment) {
        return churnedAt.filter(churned -> !churned.isAfter(moment)).isPresent();
    }
}
