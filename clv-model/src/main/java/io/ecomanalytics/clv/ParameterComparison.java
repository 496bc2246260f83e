package io.ecomanalytics.clv;

import java.util.List;

/**
 * A fitted model parameter beside the value the data were generated with.
 *
 * @param parameter     which parameter
 * @param planted       the generating value, in the fit's time unit
 * @param fitted        the maximum-likelihood estimate
 * @param standardError the estimate's standard error (NaN when the information matrix could not be inverted)
 */
public record ParameterComparison(ModelParameter parameter, double planted, double fitted, double standardError) {

    /** How many standard errors the planted value lies from the estimate, signed (NaN without a standard error). */
    public double standardErrorsAway() {
        return (planted - fitted) / standardError;
    }

    /** Whether the planted value lies within the fitted value ± 3 standard errors. */
    public boolean withinThreeStandardErrors() {
        return Math.abs(standardErrorsAway()) <= 3;
    }

    /** r, alpha, a, b of a fit beside the planted ones (both in the fit's time unit). */
    public static List<ParameterComparison> of(BgNbdParameters planted, BgNbdFit fit) {
        BgNbdParameters fitted = fit.parameters();
        BgNbdFit.StandardErrors errors = fit.standardErrors();
        return List.of(new ParameterComparison(ModelParameter.R, planted.r(), fitted.r(), errors.r()),
                new ParameterComparison(ModelParameter.ALPHA, planted.alpha(), fitted.alpha(), errors.alpha()),
                new ParameterComparison(ModelParameter.A, planted.a(), fitted.a(), errors.a()),
                new ParameterComparison(ModelParameter.B, planted.b(), fitted.b(), errors.b()));
    }

    /** p, q, gamma of a fit beside the planted ones. */
    public static List<ParameterComparison> of(GammaGammaParameters planted, GammaGammaFit fit) {
        GammaGammaParameters fitted = fit.parameters();
        GammaGammaFit.StandardErrors errors = fit.standardErrors();
        return List.of(new ParameterComparison(ModelParameter.P, planted.p(), fitted.p(), errors.p()),
                new ParameterComparison(ModelParameter.Q, planted.q(), fitted.q(), errors.q()),
                new ParameterComparison(ModelParameter.GAMMA, planted.gamma(), fitted.gamma(), errors.gamma()));
    }
}
