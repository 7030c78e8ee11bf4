package com.klinecast.core.evaluation.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The Diebold–Mariano test of equal predictive accuracy in the small-sample form of Harvey, Leybourne and Newbold
 * (1997), on absolute-error loss. h-step forecasts made from consecutive origins overlap, so their loss
 * differentials are autocorrelated up to lag h - 1: the long-run variance uses h - 1 Newey–West (Bartlett) lags,
 * which also keeps it non-negative. The corrected statistic is compared with Student's t on n - 1 degrees of
 * freedom.
 */
public final class DieboldMariano {

    private DieboldMariano() {
    }

    /** Compares absolute errors {@code first} and {@code second} (same origins, same order) at horizon {@code h}. */
    public static DmTest absoluteErrors(double[] first, double[] second, int h) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("error series differ in length: " + first.length + " and "
                    + second.length);
        }
        double[] d = new double[first.length];
        for (int t = 0; t < d.length; t++) {
            d[t] = Math.abs(first[t]) - Math.abs(second[t]);
        }
        return ofDifferentials(d, h);
    }

    /** The test on loss differentials {@code d} (loss of the first forecast minus loss of the second). */
    public static DmTest ofDifferentials(double[] d, int h) {
        int n = d.length;
        if (h < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + h);
        }
        if (n < 2) {
            throw new IllegalArgumentException("the Diebold–Mariano test needs at least 2 origins, got " + n);
        }
        double mean = 0;
        for (double v : d) {
            mean += v;
        }
        mean /= n;
        double longRunVariance = autocovariance(d, mean, 0);
        for (int k = 1; k < h && k < n; k++) {
            longRunVariance += 2 * (1 - (double) k / h) * autocovariance(d, mean, k);
        }
        double variance = longRunVariance / n;
        if (!(variance > 0)) {
            // No variation at all: the forecasts differ by a constant (or not at all), and the sign decides.
            double better = mean < 0 ? 0 : 1;
            double worse = mean > 0 ? 0 : 1;
            return new DmTest(n, mean, mean == 0 ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, mean),
                    better, worse);
        }
        double dm = mean / Math.sqrt(variance);
        double correction = Math.sqrt((n + 1 - 2.0 * h + (double) h * (h - 1) / n) / n);
        double statistic = correction * dm;
        TDistribution t = new TDistribution(null, n - 1);
        return new DmTest(n, mean, statistic, t.cumulativeProbability(statistic),
                1 - t.cumulativeProbability(statistic));
    }

    /** Sample autocovariance at {@code lag}, divided by n as the test's variance estimator requires. */
    private static double autocovariance(double[] d, double mean, int lag) {
        double sum = 0;
        for (int t = lag; t < d.length; t++) {
            sum += (d[t] - mean) * (d[t - lag] - mean);
        }
        return sum / d.length;
    }
}
