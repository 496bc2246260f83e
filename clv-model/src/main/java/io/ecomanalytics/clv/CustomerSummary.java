package io.ecomanalytics.clv;

import java.io.Serializable;
import java.util.Objects;

/**
 * The per-customer RFM summary the BG/NBD and Gamma-Gamma models work on, in one {@link ClvTimeUnit}.
 *
 * @param customerId    the customer's identifier
 * @param frequency     number of repeat purchases (purchase events after the first; see {@link PurchaseGrouping}), x
 * @param recency       time from the first to the last purchase, t_x (0 without repeat purchases)
 * @param age           time from the first purchase to the end of the calibration period, T
 * @param monetaryValue mean value of the repeat purchases, zbar (0 without repeat purchases)
 */
public record CustomerSummary(String customerId, int frequency, double recency, double age, double monetaryValue)
        implements Serializable {

    public CustomerSummary {
        Objects.requireNonNull(customerId, "customerId");
        requireValidHistory("customer " + customerId, frequency, recency, age);
        if (!(monetaryValue >= 0.0) || Double.isInfinite(monetaryValue)) {
            throw new IllegalArgumentException("customer " + customerId + ": monetary value " + monetaryValue
                    + " must be finite and not negative");
        }
    }

    static void requireValidHistory(String who, int frequency, double recency, double age) {
        String where = who + ": ";
        if (frequency < 0) {
            throw new IllegalArgumentException(where + "frequency is " + frequency
                    + "; it counts repeat purchases and cannot be negative");
        }
        if (!(recency >= 0.0) || !(age >= 0.0) || Double.isInfinite(age)) {
            throw new IllegalArgumentException(where + "recency " + recency + " and T " + age
                    + " must be finite and not negative");
        }
        if (age < recency) {
            throw new IllegalArgumentException(where + "T " + age + " is smaller than recency " + recency
                    + "; the last purchase cannot come after the end of the calibration period (T is measured from"
                    + " the first purchase to the calibration end, recency to the last purchase)");
        }
        if (frequency == 0 && recency != 0.0) {
            throw new IllegalArgumentException(where + "recency is " + recency + " but frequency is 0;"
                    + " a customer without repeat purchases has recency 0");
        }
    }
}
