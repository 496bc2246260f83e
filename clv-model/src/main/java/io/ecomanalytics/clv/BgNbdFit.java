package io.ecomanalytics.clv;

/**
 * A maximum-likelihood BG/NBD fit.
 *
 * @param parameters     the estimates
 * @param standardErrors standard errors of r, alpha, a, b from the observed information (NaN where unavailable)
 * @param logLikelihood  the log-likelihood at the estimates (with all constants, comparable to published values)
 * @param customers      number of customers fitted
 */
public record BgNbdFit(BgNbdParameters parameters, StandardErrors standardErrors, double logLikelihood,
                       long customers) {

    /** Standard errors of the four BG/NBD parameters. */
    public record StandardErrors(double r, double alpha, double a, double b) {
    }
}
