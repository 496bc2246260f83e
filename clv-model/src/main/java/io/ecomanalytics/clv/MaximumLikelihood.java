package io.ecomanalytics.clv;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximises a log-likelihood over strictly positive parameters and derives standard errors.
 *
 * <p>The search runs over the logarithms of the parameters (so positivity needs no constraint and the scales of
 * r ~ 0.2 and alpha ~ 4 are comparable) with Hipparchus' BOBYQA, a derivative-free trust-region method, which
 * needs far fewer likelihood evaluations than Nelder-Mead on these smooth four-parameter surfaces. Standard errors
 * are the square roots of the diagonal of the inverse observed information, the negated Hessian in the natural
 * parameters by Hipparchus' finite differences at the maximum.
 */
final class MaximumLikelihood {

    private static final Logger LOG = LoggerFactory.getLogger(MaximumLikelihood.class);
    private static final double LOG_BOUND = 25.0;
    private static final int MAXIMUM_EVALUATIONS = 20_000;
    /** Five points 10^-3 apart (relative): truncation error of order 10^-12; rounding stays small at that width. */
    private static final FiniteDifferencesDifferentiator DIFFERENTIATOR = new FiniteDifferencesDifferentiator(5, 1e-3);
    private static final DSFactory SECOND_ORDER = new DSFactory(1, 2);

    /** The maximum found: natural parameters, the log-likelihood there and the standard errors (NaN if unknown). */
    record Estimate(double[] parameters, double logLikelihood, double[] standardErrors, int evaluations) {
    }

    private MaximumLikelihood() {
    }

    static Estimate maximise(String model, ToDoubleFunction<double[]> logLikelihood, double[] start) {
        int dimension = start.length;
        double[] logStart = Arrays.stream(start).map(Math::log).toArray();
        double[] lower = new double[dimension];
        double[] upper = new double[dimension];
        Arrays.fill(lower, -LOG_BOUND);
        Arrays.fill(upper, LOG_BOUND);
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * dimension + 1, 1.0, 1e-10);
        PointValuePair best;
        try {
            best = optimizer.optimize(
                    new MaxEval(MAXIMUM_EVALUATIONS),
                    new ObjectiveFunction(logParameters -> {
                        double value = logLikelihood.applyAsDouble(exp(logParameters));
                        // The optimiser cannot handle NaN; an impossible point is just a very bad one.
                        return Double.isFinite(value) ? value : -1e300;
                    }),
                    GoalType.MAXIMIZE,
                    new InitialGuess(logStart),
                    new SimpleBounds(lower, upper));
        } catch (MathIllegalStateException e) {
            throw new ArithmeticException(model + " maximum-likelihood fit did not converge within "
                    + MAXIMUM_EVALUATIONS + " likelihood evaluations (" + e.getMessage() + "); the data may not"
                    + " identify the model, e.g. too few customers with repeat purchases");
        }
        double[] parameters = exp(best.getPoint());
        for (int i = 0; i < dimension; i++) {
            if (Math.abs(best.getPoint()[i]) > LOG_BOUND - 1) {
                throw new ArithmeticException(model + " maximum-likelihood fit ran to the edge of the parameter"
                        + " space (parameter " + i + " = " + parameters[i] + "); the data do not identify the"
                        + " model, e.g. nobody made a repeat purchase or every customer has the same history");
            }
        }
        double maximum = logLikelihood.applyAsDouble(parameters);
        int evaluations = optimizer.getEvaluations();
        LOG.info("{} fit: parameters {}, log-likelihood {} after {} evaluations", model,
                Arrays.toString(parameters), maximum, evaluations);
        return new Estimate(parameters, maximum, standardErrors(model, logLikelihood, parameters),
                evaluations);
    }

    private static double[] standardErrors(String model, ToDoubleFunction<double[]> logLikelihood,
                                           double[] parameters) {
        int dimension = parameters.length;
        double[][] information = new double[dimension][dimension];
        double[] pure = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            pure[i] = secondDerivative(logLikelihood, parameters, i, i);
            information[i][i] = -pure[i] / (parameters[i] * parameters[i]);
        }
        // A mixed partial from the second derivative along the diagonal direction of the two parameters.
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < i; j++) {
                double mixed = (secondDerivative(logLikelihood, parameters, i, j) - pure[i] - pure[j]) / 2;
                information[i][j] = -mixed / (parameters[i] * parameters[j]);
                information[j][i] = information[i][j];
            }
        }
        double[] errors = new double[dimension];
        Arrays.fill(errors, Double.NaN);
        try {
            RealMatrix covariance = new LUDecomposition(MatrixUtils.createRealMatrix(information))
                    .getSolver().getInverse();
            for (int i = 0; i < dimension; i++) {
                double variance = covariance.getEntry(i, i);
                errors[i] = variance > 0 ? Math.sqrt(variance) : Double.NaN;
            }
        } catch (MathIllegalArgumentException e) {
            LOG.warn("{} fit: the information matrix is singular ({}); standard errors are not available", model,
                    e.getMessage());
        }
        return errors;
    }

    /**
     * The second derivative at t = 0 of t -> logLikelihood(parameters scaled by 1 + t in the first and the second
     * parameter), by Hipparchus' finite differences: steps relative to each parameter suit their different scales.
     */
    private static double secondDerivative(ToDoubleFunction<double[]> logLikelihood, double[] parameters, int first,
                                           int second) {
        UnivariateFunction alongDirection = t -> {
            double[] point = parameters.clone();
            point[first] = parameters[first] * (1 + t);
            if (second != first) {
                point[second] = parameters[second] * (1 + t);
            }
            return logLikelihood.applyAsDouble(point);
        };
        DerivativeStructure atOrigin = SECOND_ORDER.variable(0, 0.0);
        return DIFFERENTIATOR.differentiate(alongDirection).value(atOrigin).getPartialDerivative(2);
    }

    private static double[] exp(double[] logValues) {
        double[] values = new double[logValues.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(logValues[i]);
        }
        return values;
    }
}
