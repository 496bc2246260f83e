package io.ecomanalytics.clv;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
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
 * parameters by central differences at the maximum.
 */
final class MaximumLikelihood {

    private static final Logger LOG = LoggerFactory.getLogger(MaximumLikelihood.class);
    private static final double LOG_BOUND = 25.0;
    private static final int MAXIMUM_EVALUATIONS = 20_000;
    private static final double RELATIVE_STEP = 1e-4;

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
        return new Estimate(parameters, maximum, standardErrors(model, logLikelihood, parameters, maximum),
                evaluations);
    }

    private static double[] standardErrors(String model, ToDoubleFunction<double[]> logLikelihood,
                                           double[] parameters, double maximum) {
        int dimension = parameters.length;
        double[] step = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            step[i] = RELATIVE_STEP * parameters[i];
        }
        double[][] information = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            double plus = logLikelihood.applyAsDouble(shifted(parameters, i, step[i], i, 0));
            double minus = logLikelihood.applyAsDouble(shifted(parameters, i, -step[i], i, 0));
            information[i][i] = -(plus - 2 * maximum + minus) / (step[i] * step[i]);
            for (int j = 0; j < i; j++) {
                double plusPlus = logLikelihood.applyAsDouble(shifted(parameters, i, step[i], j, step[j]));
                double plusMinus = logLikelihood.applyAsDouble(shifted(parameters, i, step[i], j, -step[j]));
                double minusPlus = logLikelihood.applyAsDouble(shifted(parameters, i, -step[i], j, step[j]));
                double minusMinus = logLikelihood.applyAsDouble(shifted(parameters, i, -step[i], j, -step[j]));
                double mixed = -(plusPlus - plusMinus - minusPlus + minusMinus) / (4 * step[i] * step[j]);
                information[i][j] = mixed;
                information[j][i] = mixed;
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

    private static double[] shifted(double[] point, int first, double firstStep, int second, double secondStep) {
        double[] shifted = point.clone();
        shifted[first] += firstStep;
        shifted[second] += secondStep;
        return shifted;
    }

    private static double[] exp(double[] logValues) {
        double[] values = new double[logValues.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(logValues[i]);
        }
        return values;
    }
}
