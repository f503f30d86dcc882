package org.custos.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Dice is the simulation's single source of randomness: one {@link SplittableRandom} seeded from the config, with
 * the draws the simulator needs (chances, ranges, normal and Poisson variates, CERT-style event ids).
 *
 * <p>Every draw happens in a fixed program order, so a seed fixes the whole dataset. The normal variate is computed
 * here (Marsaglia's polar method) rather than taken from the JDK, and logarithms and exponentials use
 * {@link StrictMath}, so that output does not depend on the JDK version or the processor.
 */
final class Dice {

    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A uniform int in {@code [0, bound)}. */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /** A uniform int in {@code [low, high]}; {@code low} when the range is empty. */
    int between(int low, int high) {
        return high <= low ? low : low + random.nextInt(high - low + 1);
    }

    /** A uniform double in {@code [0, 1)}. */
    double unit() {
        return random.nextDouble();
    }

    /** A uniform double in {@code [low, high)}. */
    double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return p > 0 && random.nextDouble() < p;
    }

    /** A normal variate. */
    double gaussian(double mean, double sd) {
        if (hasSpare) {
            hasSpare = false;
            return mean + sd * spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * factor;
        hasSpare = true;
        return mean + sd * u * factor;
    }

    /** A normal variate clamped to {@code [low, high]}. */
    double gaussian(double mean, double sd, double low, double high) {
        return Math.max(low, Math.min(high, gaussian(mean, sd)));
    }

    /** A Poisson variate (Knuth's method; a rounded normal approximation above a mean of 30). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(gaussian(mean, Math.sqrt(mean))));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** A log-normally distributed positive int with the given median. */
    int logNormal(double median, double sigma) {
        return (int) Math.max(1, Math.round(median * StrictMath.exp(gaussian(0, sigma))));
    }

    /** A uniformly chosen element. */
    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A uniformly chosen element. */
    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** An element chosen with probability roughly proportional to {@code 1 / (rank + 1)} (a Zipf-like favourite). */
    <T> T pickFavourite(List<T> items) {
        int n = items.size();
        double harmonic = StrictMath.log(n) + 0.5772;
        int index = (int) Math.floor(StrictMath.exp(random.nextDouble() * harmonic)) - 1;
        return items.get(Math.min(n - 1, Math.max(0, index)));
    }

    /** {@code count} upper-case letters and digits. */
    String alnum(int count) {
        StringBuilder sb = new StringBuilder(count);
        appendAlnum(sb, count);
        return sb.toString();
    }

    /** {@code count} decimal digits. */
    String digits(int count) {
        char[] chars = new char[count];
        for (int i = 0; i < count; i++) {
            chars[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(chars);
    }

    /** Appends a CERT-style event id such as {@code {X1D9-S0ES94UC-8503UFPP}}. */
    void appendEventId(StringBuilder sb) {
        sb.append('{');
        appendAlnum(sb, 4);
        sb.append('-');
        appendAlnum(sb, 8);
        sb.append('-');
        appendAlnum(sb, 8);
        sb.append('}');
    }

    private void appendAlnum(StringBuilder sb, int count) {
        long bits = 0;
        int left = 0;
        for (int i = 0; i < count; i++) {
            if (left == 0) {
                bits = random.nextLong() >>> 1;
                left = 12;
            }
            sb.append(ALNUM[(int) (bits % 36)]);
            bits /= 36;
            left--;
        }
    }
}
