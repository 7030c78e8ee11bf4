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
        int block = blockLength(n, h);
        int starts = n - block + 1;
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double model = 0;
            double naive = 0;
            int filled = 0;
            while (filled < n) {
                int start = random.nextInt(starts);
                for (int i = start; i < start + block && filled < n; i++, filled++) {
                    model += Math.abs(modelErrors[i]);
                    naive += Math.abs(naiveErrors[i]);
                }
            }
            ratios[r] = naive == 0 ? Double.NaN : model / naive;
        }
        Arrays.sort(ratios);
        double tail = (1 - level) / 2;
        return new Interval(Quantiles.ofSorted(ratios, tail), Quantiles.ofSorted(ratios, 1 - tail));
    }

    /**
     * The central {@code level} percentile interval of the share of true {@code hits} (a band's coverage) over
     * resampled origins, blocks of {@link #blockLength}: neighbouring h-step outcomes share h - 1 returns, so a
     * band's misses come in runs and the binomial interval would be far too narrow.
     */
    public Interval shareInterval(boolean[] hits, int h, double level) {
        int n = hits.length;
        if (n == 0) {
            throw new IllegalArgumentException("need at least one outcome");
        }
        int block = blockLength(n, h);
        int starts = n - block + 1;
        SplittableRandom random = new SplittableRandom(seed);
        double[] shares = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            int count = 0;
            int filled = 0;
            while (filled < n) {
                int start = random.nextInt(starts);
                for (int i = start; i < start + block && filled < n; i++, filled++) {
                    count += hits[i] ? 1 : 0;
                }
            }
            shares[r] = (double) count / n;
        }
        Arrays.sort(shares);
        double tail = (1 - level) / 2;
        return new Interval(Quantiles.ofSorted(shares, tail), Quantiles.ofSorted(shares, 1 - tail));
    }
}
