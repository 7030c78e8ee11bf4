package com.klinecast.core.evaluation.stats;

import java.util.Arrays;

/** Empirical quantiles: linear interpolation between order statistics (type 7, as R and NumPy default). */
public final class Quantiles {

    private Quantiles() {
    }

    public static double ofSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values to take a quantile of");
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The quantiles {@code levels} of {@code values} (not modified), in the order of the levels. */
    public static double[] of(double[] values, double[] levels) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] out = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            out[i] = ofSorted(sorted, levels[i]);
        }
        return out;
    }
}
