package com.klinecast.core.dataset;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Scaling;
import java.util.List;

/**
 * Sliding windows over a series. The sample whose first target is bar j reads bars j - need .. j - 1 only: a
 * window never contains its own targets or anything after them (no look-ahead).
 */
public final class Windows {

    private Windows() {
    }

    /** One-step samples (a recursive model's) for every target index in [fromTarget, toTarget). */
    public static Samples build(List<Bar> bars, Scaling scaling, int steps, int fromTarget, int toTarget) {
        return build(bars, scaling, steps, 1, fromTarget, toTarget);
    }

    /**
     * Samples with {@code horizons} targets each (a direct model's): bars j .. j + horizons - 1, for every j whose
     * targets all lie in [fromTarget, toTarget). The last {@code horizons - 1} windows of a split are dropped
     * rather than given targets beyond {@code toTarget}, the split's end, which would leak the next split.
     */
    public static Samples build(List<Bar> bars, Scaling scaling, int steps, int horizons, int fromTarget,
            int toTarget) {
        if (horizons < 1 || toTarget > bars.size()) {
            throw new IllegalArgumentException("need at least one horizon and targets inside the series: "
                    + horizons + " horizons up to " + toTarget + " of " + bars.size());
        }
        int need = scaling.barsFor(steps);
        int first = Math.max(fromTarget, need);
        int n = Math.max(0, toTarget - horizons + 1 - first);
        double[][][] x = new double[n][][];
        double[][] y = new double[n][horizons];
        int[] targets = new int[n];
        for (int k = 0; k < n; k++) {
            int j = first + k;
            List<Bar> window = bars.subList(j - need, j);
            x[k] = scaling.inputs(window);
            for (int h = 1; h <= horizons; h++) {
                y[k][h - 1] = scaling.target(window, bars.get(j + h - 1), h);
            }
            targets[k] = j;
        }
        return new Samples(x, y, targets);
    }
}
