package com.klinecast.core.evaluation.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for testing several hypotheses at once (one per promotion horizon): testing three
 * horizons at 5% each would find a "win" by chance far more often than 5%. The adjusted p-values keep the
 * family-wise error rate at the level they are compared with.
 */
public final class Holm {

    private Holm() {
    }

    /** Adjusted p-values, in the order given. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
