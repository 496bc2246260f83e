package io.ecomanalytics.clv;

import java.util.Arrays;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, summed as its power series.
 *
 * <p>The BG/NBD predictions only need z in [0, 1); the callers first apply Euler's transformation so that the
 * first two parameters stay small (they do not grow with a customer's purchase count); the sums are kept scaled
 * (see {@link #scaledGauss}) so that a fit with very large parameters cannot overflow them. The sum stops when the estimated remaining tail is below a relative 1e-15 of the sum; a series that
 * has not converged after {@link #MAXIMUM_TERMS} terms is an error, never a silently truncated value.
 */
final class Hypergeometric {

    static final int MAXIMUM_TERMS = 2_000_000;
    private static final double RELATIVE_TOLERANCE = 1e-15;
    private static final double RESCALE_ABOVE = 1e200;
    private static final double LOG_RESCALE = Math.log(RESCALE_ABOVE);

    private Hypergeometric() {
    }

    static double gauss(double a, double b, double c, double z) {
        double[] values = new double[1];
        scaledGauss(a, b, c, new double[] {z}, new double[] {0.0}, values);
        return values[0];
    }

    /**
     * Evaluates exp(logFactor_j) 2F1(a, b; c; z_j) for several arguments at once into {@code values}, sharing the
     * series ratios (a+n)(b+n)/((c+n)(n+1)) between them: the lifetime value needs one value per month.
     *
     * <p>The factor is applied in log space because with a large dropout fit (a and b in the tens of thousands, as a
     * fit on a small, nearly churn-free sample gives) the series' terms grow beyond any double before they shrink,
     * while the factor, (1-z)^(a-1) in the BG/NBD formulas, is far below the smallest one: each sum is kept scaled
     * by a power of ten that is tracked as a logarithm.
     */
    static void scaledGauss(double a, double b, double c, double[] z, double[] logFactor, double[] values) {
        for (double argument : z) {
            if (!(argument >= 0.0 && argument < 1.0)) {
                throw new IllegalArgumentException("2F1(" + a + ", " + b + "; " + c + "; z) needs 0 <= z < 1 for"
                        + " its series but z = " + argument + "; check that the time arguments are finite and"
                        + " non-negative");
            }
        }
        if (c <= 0.0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("2F1(" + a + ", " + b + "; " + c + "; z) is undefined: c is a"
                    + " non-positive integer; the model parameters are outside the range the formulas support");
        }
        int count = z.length;
        double[] terms = new double[count];
        double[] sums = new double[count];
        double[] logScales = new double[count];
        for (int j = 0; j < count; j++) {
            terms[j] = 1.0;
            sums[j] = 1.0;
        }
        for (int n = 0; n < MAXIMUM_TERMS; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0));
            double nextRatio = (a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2.0));
            for (int j = 0; j < count; j++) {
                terms[j] *= ratio * z[j];
                sums[j] += terms[j];
                if (Math.abs(sums[j]) > RESCALE_ABOVE) {
                    sums[j] /= RESCALE_ABOVE;
                    terms[j] /= RESCALE_ABOVE;
                    logScales[j] += LOG_RESCALE;
                }
            }
            // Once the term ratio q is below 1 the remaining terms shrink geometrically, so the tail is at most
            // |term| q / (1 - q); requiring that bound, not just a small term, avoids stopping on a dip. The check
            // stops at the first sum still open, from the largest z (the last to converge when z rises with j):
            // a long series spends most of its terms there.
            boolean converged = true;
            for (int j = count - 1; j >= 0 && converged; j--) {
                double q = Math.abs(nextRatio * z[j]);
                converged = terms[j] == 0.0
                        || q < 1.0 && Math.abs(terms[j]) * q <= RELATIVE_TOLERANCE * Math.abs(sums[j]) * (1.0 - q);
            }
            if (converged) {
                for (int j = 0; j < count; j++) {
                    values[j] = Math.signum(sums[j])
                            * Math.exp(logFactor[j] + logScales[j] + Math.log(Math.abs(sums[j])));
                }
                return;
            }
            if (!Double.isFinite(ratio)) {
                break;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + Arrays.toString(z)
                + ") did not converge within " + MAXIMUM_TERMS + " terms; z this close to 1 means a horizon far"
                + " longer than the fitted time scale alpha: use a shorter horizon or a coarser time unit");
    }
}
