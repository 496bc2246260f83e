package io.ecomanalytics.clv;

import java.io.Serializable;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * Parameters of the BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way") and the
 * predictions it makes. Purchase rates are Gamma(r, alpha) across customers (alpha in the summary's time unit);
 * after each purchase a customer drops out with probability p, p ~ Beta(a, b).
 *
 * <p>Formulas (x repeat purchases, t_x recency, T age, all in one time unit):
 * <ul>
 *   <li>E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]</li>
 *   <li>E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x)
 *       2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))</li>
 *   <li>P(alive | x, t_x, T) = 1 / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))</li>
 * </ul>
 * The hypergeometric factor is evaluated after Euler's transformation,
 * (1-z)^(r+x) 2F1(r+x, b+x; c; z) = (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z) with c = a+b+x-1, whose parameters do not
 * grow with x. The expectations divide by a-1 and are undefined at exactly a = 1.
 *
 * @param r     shape of the purchase-rate gamma distribution
 * @param alpha scale of the purchase-rate gamma distribution, in the time unit of the data
 * @param a     first shape of the dropout beta distribution
 * @param b     second shape of the dropout beta distribution
 */
public record BgNbdParameters(double r, double alpha, double a, double b) implements Serializable {

    public BgNbdParameters {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || Double.isInfinite(r + alpha + a + b)) {
            throw new IllegalArgumentException("BG/NBD parameters must be finite and positive, got r=" + r
                    + ", alpha=" + alpha + ", a=" + a + ", b=" + b);
        }
    }

    /**
     * The same population measured in another time unit: a purchase rate per day is 7 times smaller than per week,
     * so alpha (a time) scales by {@code from.days() / to.days()}; r, a and b have no unit.
     */
    public BgNbdParameters inUnit(ClvTimeUnit from, ClvTimeUnit to) {
        return new BgNbdParameters(r, alpha * from.days() / to.days(), a, b);
    }

    /** Expected number of purchases of a new customer in (0, t], E[X(t)]. */
    public double expectedPurchases(double t) {
        requireTime(t, "t");
        return (a + b - 1) / (a - 1) * (1 - transformedHypergeometric(0, t / (alpha + t)));
    }

    /** Expected number of purchases in the next {@code t} time units of a customer with the given history. */
    public double conditionalExpectedPurchases(double t, int frequency, double recency, double age) {
        requireTime(t, "t");
        return aliveGrowth(t, frequency, age) * probabilityAlive(frequency, recency, age);
    }

    /**
     * E[Y(t) | x, t_x, T] / P(alive): the expected purchases in the next t of a customer known to be alive. Depends
     * on x and T only, which lets the lifetime value reuse one P(alive) for every month of the horizon.
     */
    double aliveGrowth(double t, int frequency, double age) {
        return (a + b + frequency - 1) / (a - 1) * (1 - transformedHypergeometric(frequency, t / (alpha + age + t)));
    }

    /** Expected number of purchases in the next {@code t} time units of a summarised customer. */
    public double conditionalExpectedPurchases(double t, CustomerSummary customer) {
        return conditionalExpectedPurchases(t, customer.frequency(), customer.recency(), customer.age());
    }

    /** Probability that a customer with the given history has not dropped out by the end of the calibration. */
    public double probabilityAlive(int frequency, double recency, double age) {
        requireHistory(frequency, recency, age);
        if (frequency == 0) {
            return 1.0;
        }
        double logOdds = Math.log(a) - Math.log(b + frequency - 1)
                + (r + frequency) * (Math.log(alpha + age) - Math.log(alpha + recency));
        return 1.0 / (1.0 + Math.exp(logOdds));
    }

    /** Probability that a summarised customer is still alive. */
    public double probabilityAlive(CustomerSummary customer) {
        return probabilityAlive(customer.frequency(), customer.recency(), customer.age());
    }

    /**
     * Probability that a new customer makes exactly {@code purchases} purchases in (0, t], P(X(t) = x)
     * (Fader, Hardie and Lee 2005, equation 8), computed with log-gamma and log-beta functions.
     */
    public double purchaseProbability(int purchases, double t) {
        requireTime(t, "t");
        if (purchases < 0) {
            throw new IllegalArgumentException("number of purchases " + purchases + " must not be negative");
        }
        double logShare = Math.log(alpha / (alpha + t));
        double logRatio = Math.log(t / (alpha + t));
        double logBetaAB = Beta.logBeta(a, b);
        double stillAlive = Math.exp(Beta.logBeta(a, b + purchases) - logBetaAB
                + negativeBinomialLogTerm(purchases, logShare, logRatio));
        if (purchases == 0) {
            return stillAlive;
        }
        // P(NBD < x) by the recurrence P(j+1) = P(j) (r+j)/(j+1) t/(alpha+t), starting at (alpha/(alpha+t))^r.
        double ratio = t / (alpha + t);
        double term = Math.exp(r * logShare);
        double lowerTail = 0.0;
        for (int j = 0; j < purchases; j++) {
            lowerTail += term;
            term *= (r + j) / (j + 1.0) * ratio;
        }
        double droppedOut = Math.exp(Beta.logBeta(a + 1, b + purchases - 1) - logBetaAB) * Math.max(0.0, 1 - lowerTail);
        return stillAlive + droppedOut;
    }

    /** log of Gamma(r+j) / (Gamma(r) j!) (alpha/(alpha+t))^r (t/(alpha+t))^j, the NBD probability of j. */
    private double negativeBinomialLogTerm(int j, double logShare, double logRatio) {
        double logCombination = Gamma.logGamma(r + j) - Gamma.logGamma(r) - Gamma.logGamma(j + 1.0);
        return logCombination + r * logShare + (j == 0 ? 0.0 : j * logRatio);
    }

    /** {@link #aliveGrowth} at several times at once, sharing the hypergeometric series; fills {@code growth}. */
    void aliveGrowths(double[] times, int frequency, double age, double[] growth) {
        double[] z = new double[times.length];
        for (int j = 0; j < times.length; j++) {
            z[j] = times[j] / (alpha + age + times[j]);
        }
        double[] logFactor = new double[times.length];
        for (int j = 0; j < times.length; j++) {
            logFactor[j] = (a - 1) * Math.log1p(-z[j]);
        }
        Hypergeometric.scaledGauss(a + b - 1 - r, a - 1, a + b + frequency - 1, z, logFactor, growth);
        double scale = (a + b + frequency - 1) / (a - 1);
        for (int j = 0; j < times.length; j++) {
            growth[j] = scale * (1 - growth[j]);
        }
    }

    /** (1-z)^(r+x) 2F1(r+x, b+x; a+b+x-1; z) via Euler's transformation. */
    private double transformedHypergeometric(int frequency, double z) {
        if (z == 0.0) {
            return 1.0;
        }
        double[] value = new double[1];
        Hypergeometric.scaledGauss(a + b - 1 - r, a - 1, a + b + frequency - 1, new double[] {z},
                new double[] {(a - 1) * Math.log1p(-z)}, value);
        return value[0];
    }

    private static void requireTime(double t, String name) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException(name + " = " + t + " must be a finite, non-negative time");
        }
    }

    private static void requireHistory(int frequency, double recency, double age) {
        if (frequency < 0 || !(recency >= 0) || !(age >= recency) || Double.isInfinite(age)) {
            throw new IllegalArgumentException("customer history frequency=" + frequency + ", recency=" + recency
                    + ", T=" + age + " is invalid; it needs frequency >= 0 and 0 <= recency <= T (T < recency means"
                    + " the last purchase falls after the end of the calibration period)");
        }
    }
}
