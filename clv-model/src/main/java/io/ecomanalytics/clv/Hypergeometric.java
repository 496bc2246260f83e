package io.ecomanalytics.clv;

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
        if (!(z >= 0.0 && z < 1.0)) {
            throw new IllegalArgumentException("2F1(" + a + ", " + b + "; " + c + "; z) needs 0 <= z < 1 for its series"
                    + " but z = " + z + "; check that the time arguments are finite and non-negative");
        }
        if (c <= 0.0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("2F1(" + a + ", " + b + "; " + c + "; z) is undefined: c is a"
                    + " non-positive integer; the model parameters are outside the range the formulas support");
        }
        double term = 1.0;
        double sum = 1.0;
        for (int n = 0; n < MAXIMUM_TERMS; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
            term *= ratio;
            sum += term;
            if (term == 0.0) {
                return sum;
            }
            double nextRatio = Math.abs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2.0)) * z);
            // The remaining terms shrink geometrically once the ratio is below 1, so the tail is at most
            // |term| * q / (1 - q); requiring that bound (not just a small term) avoids stopping on a transient dip.
            if (nextRatio < 1.0
                    && Math.abs(term) * nextRatio / (1.0 - nextRatio) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
                return sum;
            }
            if (!Double.isFinite(sum)) {
                break;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge within "
                + MAXIMUM_TERMS + " terms (partial sum " + sum + "); z this close to 1 means a horizon far longer"
                + " than the fitted time scale alpha: use a shorter horizon or a coarser time unit");
    }
}
