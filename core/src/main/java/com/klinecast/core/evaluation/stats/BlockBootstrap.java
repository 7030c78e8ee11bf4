package com.klinecast.core.evaluation.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Moving-block bootstrap of MASE (a model's mean absolute error over naive's on the same origins). Resampling
 * whole blocks of consecutive origins keeps the autocorrelation of overlapping h-step errors, which resampling
 * single origins would destroy and so make the interval too narrow; the block is therefore never shorter than
 * the horizon. Seeded: the same errors, seed and settings give the same interval.
 */
public final class BlockBootstrap {

    /** Resamples per interval: enough for stable 2.5% and 97.5% percentiles, cheap at a few hundred origins. */
    public static final int DEFAULT_RESAMPLES = 1000;

    public static final long DEFAULT_SEED = 42;

    private final int resamples;
    private final long seed;

    public BlockBootstrap(int resamples, long seed) {
        if (resamples < 10) {
            throw new IllegalArgumentException("a bootstrap needs at least 10 resamples, got " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    public static BlockBootstrap defaults() {
        return new BlockBootstrap(DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    /** The block length used at horizon h for n origins: the horizon, or n^(1/3) when that is longer. */
    public static int blockLength(int n, int h) {
        return Math.max(1, Math.min(n, Math.max(h, (int) Math.ceil(Math.cbrt(n)))));
    }

    /**
     * The central {@code level} (e.g. 0.95) percentile interval of sum(|model|) / sum(|naive|) over resampled
     * origins, blocks of {@link #blockLength}.
     */
    public Interval maseInterval(double[] modelErrors, double[] naiveErrors, int h, double level) {
        int n = modelErrors.length;
        if (naiveErrors.length != n || n == 0) {
            throw new IllegalArgumentException("need two error series of the same positive length, got " + n + " and "
                    + naiveErrors.length);
        }
        double[] model = new double[n];
        double[] naive = new double[n];
        for (int i = 0; i < n; i++) {
            model[i] = Math.abs(modelErrors[i]);
            naive[i] = Math.abs(naiveErrors[i]);
        }
        return ratioInterval(model, naive, h, level);
    }

    /**
     * The central {@code level} percentile interval of the share of true {@code hits} (a band's coverage) over
     * resampled origins, blocks of {@link #blockLength}: neighbouring h-step outcomes share h - 1 returns, so a
     * band's misses come in runs and the binomial interval would be far too narrow.
     */
    public Interval shareInterval(boolean[] hits, int h, double level) {
        if (hits.length == 0) {
            throw new IllegalArgumentException("need at least one outcome");
        }
        double[] counted = new double[hits.length];
        double[] ones = new double[hits.length];
        for (int i = 0; i < hits.length; i++) {
            counted[i] = hits[i] ? 1 : 0;
            ones[i] = 1;
        }
        return ratioInterval(counted, ones, h, level);
    }

    /** The percentile interval of sum(numerator) / sum(denominator) over resampled blocks of origins. */
    private Interval ratioInterval(double[] numerator, double[] denominator, int h, double level) {
        int n = numerator.length;
        int block = blockLength(n, h);
        int starts = n - block + 1;
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double top = 0;
            double bottom = 0;
            int filled = 0;
            while (filled < n) {
                int start = random.nextInt(starts);
                for (int i = start; i < start + block && filled < n; i++, filled++) {
                    top += numerator[i];
                    bottom += denominator[i];
                }
            }
            ratios[r] = bottom == 0 ? Double.NaN : top / bottom;
        }
        Arrays.sort(ratios);
        double tail = (1 - level) / 2;
        return new Interval(Quantiles.ofSorted(ratios, tail), Quantiles.ofSorted(ratios, 1 - tail));
    }
}
