package io.ecomanalytics.clv;

/**
 * A maximum-likelihood Gamma-Gamma fit.
 *
 * @param parameters     the estimates
 * @param standardErrors standard errors of p, q, gamma from the observed information (NaN where unavailable)
 * @param logLikelihood  the log-likelihood at the estimates
 * @param customers      number of customers fitted (those with repeat purchases of positive value)
 */
public record GammaGammaFit(GammaGammaParameters parameters, StandardErrors standardErrors, double logLikelihood,
                            long customers) {

    /** Standard errors of the three Gamma-Gamma parameters. */
    public record StandardErrors(double p, double q, double gamma) {
    }
}
