package com.klinecast.core.evaluation.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Kupiec's (1995) proportion-of-failures test: is the share of outcomes outside a band consistent with the share
 * it promises? The likelihood ratio of the observed failure rate against the promised one is chi-square with one
 * degree of freedom under the null; a small p-value says the band's coverage is wrong (too wide or too narrow).
 */
public final class Kupiec {

    private Kupiec() {
    }

    /** The likelihood-ratio statistic for {@code failures} out of {@code n} when the promised failure rate is p. */
    public static double statistic(int failures, int n, double p) {
        if (n <= 0 || failures < 0 || failures > n) {
            throw new IllegalArgumentException("need 0 <= failures <= n and n > 0, got " + failures + " of " + n);
        }
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("the promised failure rate must be in (0, 1), got " + p);
        }
        double observed = (double) failures / n;
        return -2 * (logLikelihood(failures, n, p) - logLikelihood(failures, n, observed));
    }

    public static double pValue(int failures, int n, double p) {
        double lr = statistic(failures, n, p);
        return lr <= 0 ? 1 : 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(lr);
    }

    /** log[(1-p)^(n-x) p^x], with 0 · log 0 taken as 0 (all or no failures). */
    private static double logLikelihood(int x, int n, double p) {
        double hits = n - x == 0 ? 0 : (n - x) * Math.log(1 - p);
        double misses = x == 0 ? 0 : x * Math.log(p);
        return hits + misses;
    }
}
