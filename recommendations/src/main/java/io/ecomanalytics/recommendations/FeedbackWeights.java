package io.ecomanalytics.recommendations;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How much each kind of event says about a customer's interest in a product, and how fast it fades.
 *
 * @param view      confidence added by one product page view
 * @param cartAdd   confidence added by one cart add
 * @param purchase  confidence added by one purchase of the product
 * @param halfLife  when present, an event this old counts half (exponential recency decay); empty: no decay
 */
public record FeedbackWeights(double view, double cartAdd, double purchase, Optional<Duration> halfLife) {

    public FeedbackWeights {
        requireNonNegative(view, "view");
        requireNonNegative(cartAdd, "cartAdd");
        requireNonNegative(purchase, "purchase");
        Objects.requireNonNull(halfLife, "halfLife");
        if (halfLife.isPresent() && (halfLife.get().isNegative() || halfLife.get().isZero())) {
            throw new IllegalArgumentException("The half-life must be positive, was " + halfLife.get()
                    + "; leave it empty for no recency decay");
        }
    }

    /** A view 1, a cart add 3, a purchase 10, no decay. */
    public static FeedbackWeights defaults() {
        return new FeedbackWeights(1, 3, 10, Optional.empty());
    }

    /** These weights with events fading to half their weight every {@code halfLife}. */
    public FeedbackWeights withHalfLife(Duration halfLife) {
        return new FeedbackWeights(view, cartAdd, purchase, Optional.of(halfLife));
    }

    /** The weight of one event of this kind, before decay. */
    public double weightOf(EventType type) {
        return switch (type) {
            case VIEW -> view;
            case CART_ADD -> cartAdd;
            case PURCHASE -> purchase;
        };
    }

    private static void requireNonNegative(double weight, String name) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("The " + name + " weight must be a finite number >= 0, was "
                    + weight);
        }
    }
}
