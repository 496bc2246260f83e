package io.ecomanalytics.charts;

/**
 * One step of the conversion funnel, in funnel order (for example sessions, product views, carts, checkouts, orders).
 *
 * @param name  the step as readers should see it
 * @param count how many sessions reached the step
 */
public record FunnelStep(String name, long count) {

    public FunnelStep {
        Validation.requireText(name, "FunnelStep", "name");
        Validation.requireNonNegative(count, "FunnelStep", "count");
    }
}
