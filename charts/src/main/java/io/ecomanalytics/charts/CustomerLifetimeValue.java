package io.ecomanalytics.charts;

/**
 * One customer's lifetime value and the segment the CLV model put them in.
 *
 * @param customerId    the user's natural id, for example {@code user_000042}
 * @param segment       the segment name shown on the box plot, for example {@code High value}
 * @param lifetimeValue lifetime value in currency units
 */
public record CustomerLifetimeValue(String customerId, String segment, double lifetimeValue) {

    public CustomerLifetimeValue {
        Validation.requireText(customerId, "CustomerLifetimeValue", "customerId");
        Validation.requireText(segment, "CustomerLifetimeValue", "segment");
        Validation.requireFinite(lifetimeValue, "CustomerLifetimeValue", "lifetimeValue");
    }
}
