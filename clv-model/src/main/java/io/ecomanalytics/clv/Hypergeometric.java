package io.ecomanalytics.clv;

import java.util.Arrays;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, summed as its power series.
 *
 * <p>The BG/NBD predictions only need z in [0, 1); the callers first apply Euler's transformation so that the
 * first two parameters stay small (they do not grow with a customer's purchase count), which keeps the terms from
 * overflowing. The sum stops when the estimated remaining tail is below a relative 1e-15 of the sum; a series that
 * has not converged after {@link #MAXIMUM_TERMS} terms is an error, never a silently truncated value.
 */
final class Hypergeometric {

    static final int MAXIMUM_TERMS = 2_000_000;
    private static final double RELATIVE_TOLERANCE = 1e-15;

    private Hypergeometric() {
    }

    static double gauss(double a, double b, double c, double z) {
        double[] sums = new double[1];
        gauss(a, b, c, new double[] {z}, sums);
        return sums[0];
    }

    /**
     * Evaluates 2F1(a, b; c; z_j) for several arguments at once into {@code sums}, sharing the series
     * coefficients (a)_n (b)_n / ((c)_n n!) between them: the lifetime value needs one value per month.
     */
    static void gauss(double a, double b, double c, double[] z, double[] sums) {
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
        double[] powers = new double[count];
        for (int j = 0; j < count; j++) {
            powers[j] = 1.0;
            sums[j] = 1.0;
        }
        double coefficient = 1.0;
        double coefficientRatio = a * b / c;
        for (int n = 0; n < MAXIMUM_TERMS; n++) {
            coefficient *= coefficientRatio;
            if (coefficient == 0.0) {
                return;
            }
            double nextRatio = (a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2.0));
            boolean converged = true;
            for (int j = 0; j < count; j++) {
                powers[j] *= z[j];
                double term = coefficient * powers[j];
                sums[j] += term;
                // Once the term ratio q is below 1 the remaining terms shrink geometrically, so the tail is at
                // most |term| q / (1 - q); requiring that bound, not just a small term, avoids stopping on a dip.
                double q = Math.abs(nextRatio * z[j]);
                converged &= q < 1.0 && Math.abs(term) * q <= RELATIVE_TOLERANCE * Math.abs(sums[j]) * (1.0 - q);
            }
            if (converged) {
                return;
            }
            if (!Double.isFinite(coefficient)) {
                break;
            }
            coefficientRatio = nextRatio;
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + Arrays.toString(z)
                + ") did not converge within " + MAXIMUM_TERMS + " terms; z this close to 1 means a horizon far"
                + " longer than the fitted time scale alpha: use a shorter horizon or a coarser time unit");
    }
}
