package com.klinecast.core.dataset;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Scaling;
import java.util.List;

/**
 * Sliding windows over a series. The sample whose target is bar j reads bars j - need .. j - 1 only: a window
 * never contains its own target or anything after it (no look-ahead).
 */
public final class Windows {

    private Windows() {
    }

    /** Samples for every target index in [fromTarget, toTarget). */
    public static Samples build(List<Bar> bars, Scaling scaling, int steps, int fromTarget, int toTarget) {
        int need = scaling.barsFor(steps);
        int first = Math.max(fromTarget, need);
        int n = Math.max(0, toTarget - first);
        double[][][] x = new double[n][][];
        double[][] y = new double[n][];
        int[] targets = new int[n];
        for (int k = 0; k < n; k++) {
            int j = first + k;
            List<Bar> window = bars.subList(j - need, j);
            x[k] = scaling.inputs(window);
            y[k] = new double[] {scaling.target(window, bars.get(j))};
            targets[k] = j;
        }
        return new Samples(x, y, targets);
    }
}
