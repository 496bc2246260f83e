package io.ecomanalytics.clv;

import java.io.Serializable;
import java.util.Objects;

/**
 * Scores customers with fitted BG/NBD and Gamma-Gamma parameters over a horizon of whole months. Serializable, so
 * it can be broadcast to Spark executors as is.
 *
 * <p>Discounted customer lifetime value, for a customer with history (x, t_x, T) and mean repeat value zbar, a
 * horizon of H months, a monthly discount rate d and u time units per month ({@link ClvTimeUnit#perMonth()}):
 * <pre>
 * CLV = E[M | x, zbar] * sum_{m=1..H} ( E[Y(m u) | x, t_x, T] - E[Y((m-1) u) | x, t_x, T] ) / (1 + d)^m
 * </pre>
 * that is, the purchases expected in month m are valued at the Gamma-Gamma expected order value and discounted
 * at the end of that month (the convention of the lifetimes library). Every monthly increment is non-negative, so
 * CLV falls as the discount rate rises, and equals expected purchases times expected order value when d = 0.
 *
 * @param purchaseModel       fitted BG/NBD parameters, in {@code unit}
 * @param spendModel          fitted Gamma-Gamma parameters
 * @param unit                time unit of the summaries and of {@code purchaseModel}
 * @param horizonMonths       the horizon, at least one month
 * @param monthlyDiscountRate discount rate per month, 0 or more (0.01 is 1 % a month)
 */
public record ClvScorer(BgNbdParameters purchaseModel, GammaGammaParameters spendModel, ClvTimeUnit unit,
                        int horizonMonths, double monthlyDiscountRate) implements Serializable {

    public ClvScorer {
        Objects.requireNonNull(purchaseModel, "purchaseModel");
        Objects.requireNonNull(spendModel, "spendModel");
        Objects.requireNonNull(unit, "unit");
        if (horizonMonths < 1) {
            throw new IllegalArgumentException("horizon of " + horizonMonths + " months; it must be at least 1 month");
        }
        if (!(monthlyDiscountRate >= 0) || Double.isInfinite(monthlyDiscountRate)) {
            throw new IllegalArgumentException("monthly discount rate " + monthlyDiscountRate
                    + " must be a finite number, 0 or more (0.01 means 1 % a month)");
        }
    }

    /** The horizon expressed in the time unit of the models. */
    public double horizon() {
        return horizonMonths * unit.perMonth();
    }

    /** Scores one summarised customer. */
    public CustomerPrediction score(CustomerSummary customer) {
        int x = customer.frequency();
        double alive = purchaseModel.probabilityAlive(x, customer.recency(), customer.age());
        double orderValue = spendModel.conditionalExpectedAverageValue(x, customer.monetaryValue());
        double[] cumulative = cumulativeAliveGrowth(x, customer.age());
        return new CustomerPrediction(customer.customerId(), x, customer.recency(), customer.age(),
                customer.monetaryValue(), alive * cumulative[horizonMonths - 1], alive, orderValue,
                orderValue * alive * discounted(cumulative));
    }

    /** Discounted CLV of one customer history; see the class documentation for the formula. */
    public double customerLifetimeValue(int frequency, double recency, double age, double monetaryValue) {
        return spendModel.conditionalExpectedAverageValue(frequency, monetaryValue)
                * purchaseModel.probabilityAlive(frequency, recency, age)
                * discounted(cumulativeAliveGrowth(frequency, age));
    }

    /** Expected purchases by the end of each month of the horizon, for a customer known to be alive. */
    private double[] cumulativeAliveGrowth(int frequency, double age) {
        double perMonth = unit.perMonth();
        double[] times = new double[horizonMonths];
        for (int month = 1; month <= horizonMonths; month++) {
            times[month - 1] = month * perMonth;
        }
        double[] cumulative = new double[horizonMonths];
        purchaseModel.aliveGrowths(times, frequency, age, cumulative);
        return cumulative;
    }

    private double discounted(double[] cumulative) {
        double previous = 0.0;
        double discount = 1.0;
        double total = 0.0;
        for (double value : cumulative) {
            discount /= 1 + monthlyDiscountRate;
            total += (value - previous) * discount;
            previous = value;
        }
        return total;
    }
}
