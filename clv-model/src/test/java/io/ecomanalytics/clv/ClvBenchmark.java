package io.ecomanalytics.clv;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Prints fit times and single-thread scoring throughput for 10,000, 100,000 and 1,000,000 synthetic customers.
 * Not a test and not run by the build; from the repository root:
 * <pre>
 * mvn -o -q -pl clv-model test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -Xmx3g -cp clv-model/target/test-classes:clv-model/target/classes:$(cat clv-model/target/classpath.txt) \
 *     io.ecomanalytics.clv.ClvBenchmark
 * </pre>
 *
 * <p>Customers are simulated from the BG/NBD and Gamma-Gamma processes with the CDNOW parameters (weeks), each
 * first purchasing in a 12-week window and observed to week 39, so the fits have a known answer. Two summary
 * flavours are timed: purchase times rounded to whole days (what {@link RfmSummaries} produces with calendar days,
 * many customers share a history) and continuous times (exact times: every history distinct, the worst case for the
 * fit).
 */
public final class ClvBenchmark {

    private static final BgNbdParameters TRUE_PURCHASES =
            new BgNbdParameters(0.2425945, 4.4136019, 0.7929199, 2.4258881);
    private static final GammaGammaParameters TRUE_SPEND = new GammaGammaParameters(6.25, 3.74, 15.44);

    private ClvBenchmark() {
    }

    public static void main(String[] arguments) {
        System.out.println("Fit: wall seconds / process CPU seconds (the likelihood sum runs on all cores)."
                + " Scoring: customers per CPU-second of the scoring thread (one core).");
        System.out.printf(Locale.ROOT, "%-10s %-10s %16s %16s %14s %14s %14s%n", "customers", "times",
                "BG/NBD fit s", "GG fit s", "P(alive) /s", "E[Y(t)] /s", "full CLV /s");
        for (int size : new int[] {10_000, 100_000, 1_000_000}) {
            for (boolean dayGranular : new boolean[] {true, false}) {
                run(size, dayGranular);
            }
        }
    }

    private static void run(int size, boolean dayGranular) {
        List<CustomerSummary> customers = simulate(size, dayGranular, 42L + size);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        BgNbdFit purchases = BgNbdFitter.fit(customers);
        String purchaseFitSeconds = seconds(start, cpuStart);
        start = System.nanoTime();
        cpuStart = processCpuNanos();
        GammaGammaFit spend = GammaGammaFitter.fit(customers);
        String spendFitSeconds = seconds(start, cpuStart);
        ClvScorer scorer = new ClvScorer(purchases.parameters(), spend.parameters(), ClvTimeUnit.WEEKS, 12, 0.01);
        CustomerSummary[] array = customers.toArray(new CustomerSummary[0]);
        double alive = throughput(array, customer -> purchases.parameters().probabilityAlive(customer));
        double expected = throughput(array,
                customer -> purchases.parameters().conditionalExpectedPurchases(scorer.horizon(), customer));
        double full = throughput(array, customer -> scorer.score(customer).customerLifetimeValue());
        System.out.printf(Locale.ROOT, "%-10d %-10s %16s %16s %14.0f %14.0f %14.0f   fitted r=%.4f alpha=%.4f"
                        + " a=%.4f b=%.4f p=%.3f q=%.3f gamma=%.3f%n",
                size, dayGranular ? "days" : "continuous", purchaseFitSeconds, spendFitSeconds, alive, expected,
                full, purchases.parameters().r(), purchases.parameters().alpha(), purchases.parameters().a(),
                purchases.parameters().b(), spend.parameters().p(), spend.parameters().q(),
                spend.parameters().gamma());
    }

    private static String seconds(long wallStart, long cpuStart) {
        return String.format(Locale.ROOT, "%.2f / %.2f", (System.nanoTime() - wallStart) / 1e9,
                (processCpuNanos() - cpuStart) / 1e9);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Customers per CPU-second of this thread (the machine is shared, so wall time would measure the neighbours):
     * the best whole-array pass after a warm-up pass, measuring for at least a CPU-second.
     */
    private static double throughput(CustomerSummary[] customers, ToDoubleFunction<CustomerSummary> prediction) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = 0;
        double checksum = 0;
        long measured = 0;
        for (int pass = 0; pass < 2 || measured < 1_000_000_000L; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            for (CustomerSummary customer : customers) {
                checksum += prediction.applyAsDouble(customer);
            }
            long elapsed = threads.getCurrentThreadCpuTime() - start;
            if (pass > 0) {
                measured += elapsed;
                best = Math.max(best, customers.length / (Math.max(elapsed, 1) / 1e9));
            }
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("a prediction was NaN");
        }
        return best;
    }

    private static List<CustomerSummary> simulate(int size, boolean dayGranular, long seed) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        List<CustomerSummary> customers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double rate = random.nextGamma(TRUE_PURCHASES.r(), 1 / TRUE_PURCHASES.alpha());
            double dropout = random.nextBeta(TRUE_PURCHASES.a(), TRUE_PURCHASES.b());
            double age = 39 - random.nextDouble() * 12;
            double time = 0;
            double last = 0;
            int frequency = 0;
            while (true) {
                time += random.nextExponential(1 / rate);
                if (time > age) {
                    break;
                }
                frequency++;
                last = time;
                if (random.nextDouble() < dropout) {
                    break;
                }
            }
            if (dayGranular) {
                age = Math.round(age * 7) / 7.0;
                last = Math.min(age, Math.round(last * 7) / 7.0);
            }
            double monetary = 0;
            if (frequency > 0) {
                double scale = random.nextGamma(TRUE_SPEND.q(), 1 / TRUE_SPEND.gamma());
                monetary = random.nextGamma(TRUE_SPEND.p() * frequency, 1 / scale) / frequency;
            }
            customers.add(new CustomerSummary("c" + i, frequency, frequency == 0 ? 0 : last, age, monetary));
        }
        return customers;
    }
}
