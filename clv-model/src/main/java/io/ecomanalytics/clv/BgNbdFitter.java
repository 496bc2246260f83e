package io.ecomanalytics.clv;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.hipparchus.special.Gamma;

/**
 * Fits the BG/NBD model by maximum likelihood (Fader, Hardie and Lee 2005, equation 6), summed in log space:
 * <pre>
 * ln L = ln Gamma(r+x) - ln Gamma(r) + r ln alpha + ln B(a, b+x) - ln B(a, b)
 *        + ln[ (alpha+T)^-(r+x) + [x>0] a/(b+x-1) (alpha+t_x)^-(r+x) ]
 * </pre>
 * The last term is a log-sum-exp, so customers with many purchases do not underflow. The gamma-function terms
 * depend only on x, so they are computed once per distinct frequency per evaluation, and identical histories are
 * weighted instead of repeated; a fit therefore costs a few logarithms per distinct history per evaluation.
 */
public final class BgNbdFitter {

    private BgNbdFitter() {
    }

    /** Fits the model to customer summaries (all in one time unit). */
    public static BgNbdFit fit(Collection<CustomerSummary> customers) {
        Objects.requireNonNull(customers, "customers");
        Map<History, long[]> counts = new HashMap<>();
        for (CustomerSummary customer : customers) {
            counts.computeIfAbsent(new History(customer.frequency(), customer.recency(), customer.age()),
                    key -> new long[1])[0]++;
        }
        return fitGrouped(counts.entrySet().stream()
                .map(entry -> new CustomerHistoryCount(entry.getKey().frequency(), entry.getKey().recency(),
                        entry.getKey().age(), entry.getValue()[0]))
                .toList());
    }

    /** Fits the model to histories with the number of customers sharing each. */
    public static BgNbdFit fitGrouped(Collection<CustomerHistoryCount> histories) {
        Objects.requireNonNull(histories, "histories");
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("cannot fit BG/NBD to no customers; the summary is empty");
        }
        Likelihood likelihood = new Likelihood(histories);
        if (likelihood.repeatCustomers == 0) {
            throw new IllegalArgumentException("cannot fit BG/NBD: none of the " + likelihood.customers
                    + " customers made a repeat purchase, so purchase and dropout rates are not identified;"
                    + " use a longer calibration period");
        }
        MaximumLikelihood.Estimate estimate = MaximumLikelihood.maximise("BG/NBD", likelihood::value,
                new double[] {1.0, Math.max(likelihood.meanAge, 1e-3), 1.0, 1.0});
        double[] p = estimate.parameters();
        double[] e = estimate.standardErrors();
        return new BgNbdFit(new BgNbdParameters(p[0], p[1], p[2], p[3]),
                new BgNbdFit.StandardErrors(e[0], e[1], e[2], e[3]), estimate.logLikelihood(), likelihood.customers);
    }

    /** Log-likelihood of the given parameters on the given histories, for checking fits against published values. */
    public static double logLikelihood(BgNbdParameters parameters, Collection<CustomerHistoryCount> histories) {
        return new Likelihood(histories).value(
                new double[] {parameters.r(), parameters.alpha(), parameters.a(), parameters.b()});
    }

    private record History(int frequency, double recency, double age) {
    }

    /**
     * The histories as flat arrays, with each row pointing at its distinct frequency. Large inputs are summed in
     * fixed chunks on the common fork-join pool and the chunk sums added in chunk order, so the value (and hence
     * the fit) does not depend on the number of threads.
     */
    private static final class Likelihood {
        private static final int CHUNK = 16_384;
        private final int[] frequencies;
        private final int[] frequencyIndex;
        private final double[] recency;
        private final double[] age;
        private final double[] weight;
        private final long customers;
        private final long repeatCustomers;
        private final double meanAge;

        Likelihood(Collection<CustomerHistoryCount> histories) {
            int size = histories.size();
            frequencyIndex = new int[size];
            recency = new double[size];
            age = new double[size];
            weight = new double[size];
            Map<Integer, Integer> indexOfFrequency = new HashMap<>();
            long total = 0;
            long repeat = 0;
            double ageSum = 0;
            int row = 0;
            for (CustomerHistoryCount history : histories) {
                frequencyIndex[row] = indexOfFrequency.computeIfAbsent(history.frequency(),
                        frequency -> indexOfFrequency.size());
                recency[row] = history.recency();
                age[row] = history.age();
                weight[row] = history.customers();
                total += history.customers();
                repeat += history.frequency() > 0 ? history.customers() : 0;
                ageSum += history.age() * history.customers();
                row++;
            }
            frequencies = new int[indexOfFrequency.size()];
            indexOfFrequency.forEach((frequency, index) -> frequencies[index] = frequency);
            customers = total;
            repeatCustomers = repeat;
            meanAge = ageSum / total;
        }

        double value(double[] parameters) {
            double r = parameters[0];
            double alpha = parameters[1];
            double a = parameters[2];
            double b = parameters[3];
            double common = -Gamma.logGamma(r) + r * Math.log(alpha) + Gamma.logGamma(a + b) - Gamma.logGamma(b);
            double[] perFrequency = new double[frequencies.length];
            double[] dropoutLog = new double[frequencies.length];
            for (int k = 0; k < frequencies.length; k++) {
                int x = frequencies[k];
                perFrequency[k] = common + Gamma.logGamma(r + x) + Gamma.logGamma(b + x) - Gamma.logGamma(a + b + x);
                dropoutLog[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0.0;
            }
            int chunks = (weight.length + CHUNK - 1) / CHUNK;
            if (chunks == 1) {
                return sum(0, weight.length, r, alpha, perFrequency, dropoutLog);
            }
            double[] partial = new double[chunks];
            IntStream.range(0, chunks).parallel().forEach(chunk -> partial[chunk] = sum(chunk * CHUNK,
                    Math.min(weight.length, (chunk + 1) * CHUNK), r, alpha, perFrequency, dropoutLog));
            double sum = 0;
            for (double value : partial) {
                sum += value;
            }
            return sum;
        }

        private double sum(int from, int to, double r, double alpha, double[] perFrequency, double[] dropoutLog) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                int k = frequencyIndex[i];
                int x = frequencies[k];
                double aliveTerm = -(r + x) * Math.log(alpha + age[i]);
                double value = perFrequency[k] + aliveTerm;
                if (x > 0) {
                    double difference = dropoutLog[k] - (r + x) * Math.log(alpha + recency[i]) - aliveTerm;
                    value += difference > 0 ? difference + Math.log1p(Math.exp(-difference))
                            : Math.log1p(Math.exp(difference));
                }
                sum += weight[i] * value;
            }
            return sum;
        }
    }
}
