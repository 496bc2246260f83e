package io.ecomanalytics.data;

import java.util.Locale;

/**
 * The segment a realistic customer is planted in, assigned from the customer's drawn traits and realised dropout
 * (data module README, "Realistic behaviour"), first match wins in declaration order. Segments only label the one
 * BG/NBD and Gamma-Gamma population; they change engagement (sessions, pages, carts, devices, referrers, discounts),
 * never purchases or order values. Each segment sets, in this order: the relative number of browsing sessions per
 * active day, the relative pages per session and seconds per page, the chance of an add-to-cart on a product page of
 * a browsing session, the chance that an order carries a discount, and the weights of
 * {@link Vocabulary#DEVICE_TYPES} and of {@link Vocabulary#REFERRERS}.
 */
public enum PlantedSegment {
    /** Dropped out for good during the window. */
    CHURNED(0.8, 0.7, 0.12, 0.15, new double[] {0.50, 0.40, 0.10}, new double[] {0.25, 0.10, 0.25, 0.30, 0.10}),
    /** First purchase in the window's last {@value RealisticGenerationRun#NEW_CUSTOMER_DAYS} days. */
    NEW(1.0, 1.0, 0.25, 0.20, new double[] {0.50, 0.40, 0.10}, new double[] {0.15, 0.10, 0.25, 0.35, 0.15}),
    /** Purchase rate at least the population mean and expected order value at least 3/4 of the population's. */
    LOYAL_HIGH_VALUE(1.6, 1.4, 0.35, 0.10, new double[] {0.30, 0.60, 0.10},
            new double[] {0.45, 0.30, 0.05, 0.15, 0.05}),
    /** Purchase rate below a quarter of the population mean: visits, rarely buys. */
    BROWSER(2.5, 1.2, 0.10, 0.15, new double[] {0.70, 0.15, 0.15}, new double[] {0.15, 0.05, 0.45, 0.30, 0.05}),
    /** Expected order value below 0.6 of the population's; takes discounts. */
    BARGAIN_HUNTER(1.2, 0.9, 0.30, 0.60, new double[] {0.60, 0.30, 0.10},
            new double[] {0.10, 0.25, 0.15, 0.20, 0.30}),
    /** Everyone else. */
    REGULAR(1.0, 1.0, 0.25, 0.15, new double[] {0.45, 0.45, 0.10}, new double[] {0.25, 0.15, 0.20, 0.30, 0.10});

    final double browsingRate;
    final double engagement;
    final double cartChance;
    final double discountChance;
    final double[] deviceWeights;
    final double[] referrerWeights;

    PlantedSegment(double browsingRate, double engagement, double cartChance, double discountChance,
                   double[] deviceWeights, double[] referrerWeights) {
        this.browsingRate = browsingRate;
        this.engagement = engagement;
        this.cartChance = cartChance;
        this.discountChance = discountChance;
        this.deviceWeights = deviceWeights;
        this.referrerWeights = referrerWeights;
    }

    /** The name in {@code ground_truth/users.jsonl}, e.g. {@code loyal_high_value}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
