package io.ecomanalytics.data;

import java.util.List;

/**
 * SplitMix64: a tiny, fast generator whose output is fixed by its published algorithm, so a seed gives the same
 * dataset on every JDK (java.util.Random's subclasses do not promise that across versions).
 */
final class DeterministicRandom {

    private long state;

    DeterministicRandom(long seed) {
        this.state = seed;
    }

    /**
     * An independent stream for one purpose of one customer: the seed and the stream index are hashed with the
     * SplitMix64 finaliser, so neighbouring indexes start far apart in the sequence instead of overlapping.
     */
    static DeterministicRandom forStream(long seed, long streamIndex) {
        return new DeterministicRandom(mix(seed ^ mix(streamIndex + 0x632BE59BD9B4E019L)));
    }

    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        long z = state += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound), bound > 0 (multiply-shift; the bias is below 2^-32 for the bounds used here). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [0, bound), bound > 0. */
    long nextLong(long bound) {
        return Long.remainderUnsigned(nextLong(), bound);
    }

    /** Uniform in [from, to], inclusive. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(nextInt(values.size()));
    }

    /** Picks index i with probability weights[i] / sum(weights). */
    int weighted(double[] cumulativeWeights) {
        double draw = nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        for (int i = 0; i < cumulativeWeights.length - 1; i++) {
            if (draw < cumulativeWeights[i]) {
                return i;
            }
        }
        return cumulativeWeights.length - 1;
    }
}
