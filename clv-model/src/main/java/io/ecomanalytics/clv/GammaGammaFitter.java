package io.ecomanalytics.clv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hipparchus.special.Gamma;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the Gamma-Gamma spend model by maximum likelihood on customers with at least one repeat purchase. The
 * log-likelihood of a customer with x repeat transactions of mean zbar is
 * <pre>
 * ln Gamma(p x + q) - ln Gamma(p x) - ln Gamma(q) + q ln gamma + p x ln x + (p x - 1) ln zbar
 *     - (p x + q) ln(gamma + x zbar)
 * </pre>
 * Customers without repeat purchases carry no spend information and are skipped, as are repeat customers whose
 * mean repeat value is 0 (the gamma density is zero there); the number skipped is logged.
 */
public final class GammaGammaFitter {

    private static final Logger LOG = LoggerFactory.getLogger(GammaGammaFitter.class);

    private GammaGammaFitter() {
    }

    /** Fits the model to the repeat customers among {@code customers}. */
    public static GammaGammaFit fit(Collection<CustomerSummary> customers) {
        Objects.requireNonNull(customers, "customers");
        List<SpendHistoryCount> histories = new ArrayList<>();
        int zeroValued = 0;
        for (CustomerSummary customer : customers) {
            if (customer.frequency() > 0 && customer.monetaryValue() > 0) {
                histories.add(new SpendHistoryCount(customer.frequency(), customer.monetaryValue(), 1));
            } else if (customer.frequency() > 0) {
                zeroValued++;
            }
        }
        if (zeroValued > 0) {
            LOG.warn("Gamma-Gamma fit skips {} repeat customers whose mean repeat purchase value is 0", zeroValued);
        }
        return fitGrouped(histories);
    }

    /** Fits the model to repeat-customer spend histories with the number of customers sharing each. */
    public static GammaGammaFit fitGrouped(Collection<SpendHistoryCount> histories) {
        Objects.requireNonNull(histories, "histories");
        Likelihood likelihood = new Likelihood(histories);
        if (likelihood.customers < 2) {
            throw new IllegalArgumentException("cannot fit Gamma-Gamma: it needs at least 2 customers with repeat"
                    + " purchases of positive value, found " + likelihood.customers
                    + "; use a longer calibration period");
        }
        MaximumLikelihood.Estimate estimate = MaximumLikelihood.maximise("Gamma-Gamma", likelihood::value,
                new double[] {1.0, 2.0, likelihood.meanValue});
        double[] p = estimate.parameters();
        double[] e = estimate.standardErrors();
        return new GammaGammaFit(new GammaGammaParameters(p[0], p[1], p[2]),
                new GammaGammaFit.StandardErrors(e[0], e[1], e[2]), estimate.logLikelihood(), likelihood.customers);
    }

    private static final class Likelihood {
        private final int[] frequencies;
        private final double[] logFrequencies;
        private final int[] frequencyIndex;
        private final double[] scaledValue;
        private final double[] logValue;
        private final double[] weight;
        private final long customers;
        private final double meanValue;

        Likelihood(Collection<SpendHistoryCount> histories) {
            int size = histories.size();
            Map<Integer, Integer> indexOfFrequency = new HashMap<>();
            frequencyIndex = new int[size];
            scaledValue = new double[size];
            logValue = new double[size];
            weight = new double[size];
            long total = 0;
            double valueSum = 0;
            int row = 0;
            for (SpendHistoryCount history : histories) {
                frequencyIndex[row] = indexOfFrequency.computeIfAbsent(history.frequency(),
                        x -> indexOfFrequency.size());
                scaledValue[row] = history.frequency() * history.monetaryValue();
                logValue[row] = Math.log(history.monetaryValue());
                weight[row] = history.customers();
                total += history.customers();
                valueSum += history.monetaryValue() * history.customers();
                row++;
            }
            customers = total;
            meanValue = total > 0 ? valueSum / total : 1.0;
            frequencies = new int[indexOfFrequency.size()];
            logFrequencies = new double[indexOfFrequency.size()];
            indexOfFrequency.forEach((x, index) -> {
                frequencies[index] = x;
                logFrequencies[index] = Math.log(x);
            });
        }

        double value(double[] parameters) {
            double p = parameters[0];
            double q = parameters[1];
            double gamma = parameters[2];
            double common = -Gamma.logGamma(q) + q * Math.log(gamma);
            double[] perFrequency = new double[frequencies.length];
            for (int k = 0; k < frequencies.length; k++) {
                double shape = p * frequencies[k];
                perFrequency[k] = common + Gamma.logGamma(shape + q) - Gamma.logGamma(shape)
                        + shape * logFrequencies[k];
            }
            double sum = 0;
            for (int i = 0; i < scaledValue.length; i++) {
                int k = frequencyIndex[i];
                double shape = p * frequencies[k];
                sum += weight[i] * (perFrequency[k] + (shape - 1) * logValue[i]
                        - (shape + q) * Math.log(gamma + scaledValue[i]));
            }
            return sum;
        }
    }
}
