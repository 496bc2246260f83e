package io.ecomanalytics.data;

import org.hipparchus.random.RandomGenerator;

/**
 * Hipparchus' generator interface over a {@link DeterministicRandom}, so that Hipparchus' samplers (Gamma, Beta,
 * Poisson, log-normal) draw from the generator's seeded SplitMix64 streams. A stream per customer costs one long of
 * state, where Hipparchus' own generators (Well, Mersenne Twister) seed hundreds of words each. Reseeding is refused:
 * a stream's seed is part of the dataset's identity.
 */
final class SeededRandomGenerator implements RandomGenerator {

    private final DeterministicRandom random;

    SeededRandomGenerator(DeterministicRandom random) {
        this.random = random;
    }

    @Override
    public void setSeed(int seed) {
        throw new UnsupportedOperationException("a generator stream is seeded once, by the dataset's spec");
    }

    @Override
    public void setSeed(int[] seed) {
        throw new UnsupportedOperationException("a generator stream is seeded once, by the dataset's spec");
    }

    @Override
    public void setSeed(long seed) {
        throw new UnsupportedOperationException("a generator stream is seeded once, by the dataset's spec");
    }

    @Override
    public void nextBytes(byte[] bytes) {
        nextBytes(bytes, 0, bytes.length);
    }

    @Override
    public void nextBytes(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            bytes[offset + i] = (byte) random.nextLong();
        }
    }

    @Override
    public int nextInt() {
        return (int) (random.nextLong() >>> 32);
    }

    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return random.nextInt(bound);
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    @Override
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return random.nextLong(bound);
    }

    @Override
    public boolean nextBoolean() {
        return random.nextLong() < 0;
    }

    @Override
    public float nextFloat() {
        return (random.nextLong() >>> 40) * 0x1.0p-24f;
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Box-Muller without a cached second value, so every call consumes the same two draws. */
    @Override
    public double nextGaussian() {
        double radius = Math.sqrt(-2 * Math.log1p(-random.nextDouble()));
        return radius * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
