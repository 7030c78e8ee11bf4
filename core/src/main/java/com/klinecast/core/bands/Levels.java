package com.klinecast.core.bands;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The quantile levels every forecast carries, and their names in the API ({@code p05} .. {@code p95}). */
public final class Levels {

    public static final double[] LEVELS = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

    public static final String[] NAMES = {"p05", "p10", "p25", "p50", "p75", "p90", "p95"};

    /** Indices into {@link #LEVELS}: the central 50%, 80% and 90% bands' ends and the median. */
    public static final int P05 = 0;
    public static final int P10 = 1;
    public static final int P25 = 2;
    public static final int P50 = 3;
    public static final int P75 = 4;
    public static final int P90 = 5;
    public static final int P95 = 6;

    private Levels() {
    }

    /** The quantiles a band's log offsets give around a point forecast: {@code point * exp(offset)} per level. */
    public static double[] around(double point, double[] offsets) {
        double[] q = new double[offsets.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = point * Math.exp(offsets[i]);
        }
        return q;
    }

    /** Whether the band from level index {@code low} to {@code high} of quantiles {@code q} holds {@code actual}. */
    public static boolean inside(double[] q, int low, int high, double actual) {
        return actual >= q[low] && actual <= q[high];
    }

    /** Standard normal quantiles at the levels (what the Gaussian methods scale). */
    static double[] normal() {
        NormalDistribution n = new NormalDistribution(null, 0, 1);
        double[] z = new double[LEVELS.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = n.inverseCumulativeProbability(LEVELS[i]);
        }
        return z;
    }
}
