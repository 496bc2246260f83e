package io.ecomanalytics.data;

/**
 * The population parameters of a realistic dataset, in days (written to {@code ground_truth/parameters.json}).
 *
 * @param r                        BG/NBD: shape of the purchase-rate Gamma
 * @param alpha                    BG/NBD: rate of the purchase-rate Gamma (days; lambda ~ Gamma(r, alpha))
 * @param a                        BG/NBD: dropout-probability Beta, first shape
 * @param b                        BG/NBD: dropout-probability Beta, second shape
 * @param p                        Gamma-Gamma: shape of an order value around the customer's spend rate nu
 * @param q                        Gamma-Gamma: shape of nu across customers
 * @param gamma                    Gamma-Gamma: rate of nu across customers
 * @param preferenceConcentration  Dirichlet concentration of every category in a customer's preferences
 */
public record PlantedParameters(double r, double alpha, double a, double b, double p, double q, double gamma,
                                double preferenceConcentration) {

    /** BG/NBD shape of the purchase rates: below 1, so rates are strongly heterogeneous. */
    public static final double R = 0.75;
    /** BG/NBD first Beta shape of the dropout probabilities. */
    public static final double A = 1.5;
    /** How many times a customer's expected purchases before dropping out exceed the window's purchases. */
    public static final double LIFETIME_TO_WINDOW = 3;
    /** Gamma-Gamma shape of an order value: a coefficient of variation of 1/sqrt(3) within a customer. */
    public static final double P = 3;
    /** Gamma-Gamma shape of the spend rates; the customers' mean order values have an inverse-Gamma(4) tail. */
    public static final double Q = 4;
    /** Gamma-Gamma rate of the spend rates: a mean order value of p gamma / (q - 1) = 300. */
    public static final double GAMMA = 300;
    /** Dirichlet concentration per category: well below 1, so each customer has a few favourite categories. */
    public static final double PREFERENCE_CONCENTRATION = 0.35;

    /**
     * The parameters for a scale with {@code transactions} over {@code users}, before alpha is calibrated: b makes
     * the expected purchases before dropping out, E[(1 - p) / p] = b / (a - 1), {@value #LIFETIME_TO_WINDOW} times
     * the repeat purchases per customer the scale asks for (at least 1).
     */
    static PlantedParameters forScale(long transactions, int users, double alpha) {
        double repeatPerCustomer = Math.max(1.0, (double) transactions / users - 1);
        return new PlantedParameters(R, alpha, A, LIFETIME_TO_WINDOW * (A - 1) * repeatPerCustomer, P, Q, GAMMA,
                PREFERENCE_CONCENTRATION);
    }

    PlantedParameters withAlpha(double newAlpha) {
        return new PlantedParameters(r, newAlpha, a, b, p, q, gamma, preferenceConcentration);
    }

    /** The population's mean purchase rate per day, r / alpha. */
    public double meanPurchaseRate() {
        return r / alpha;
    }

    /** The population's mean order value, p gamma / (q - 1). */
    public double meanOrderValue() {
        return p * gamma / (q - 1);
    }
}
