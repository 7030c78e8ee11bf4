package com.klinecast.core.bands;

import com.klinecast.core.evaluation.stats.Quantiles;
import com.klinecast.core.forecast.Bar;
import java.util.List;

/**
 * The empirical spread of the training split's h-step log returns around their mean, the same at every origin:
 * what a random walk with the training period's volatility would promise. Ignores volatility clustering, which
 * is why it is the reference the other methods' pinball skill is measured against.
 *
 * @param offsets per horizon (1..H), the levels' quantiles of demeaned h-step log returns
 */
public record StaticRandomWalk(double[][] offsets) implements Band {

    static final String METHOD = "static_rw";

    public static StaticRandomWalk fit(List<Bar> training, int maxHorizon) {
        double[][] offsets = new double[maxHorizon][];
        for (int h = 1; h <= maxHorizon; h++) {
            int n = training.size() - h;
            if (n < 10) {
                throw new IllegalArgumentException("too few training bars (" + training.size()
                        + ") for a band at horizon " + h);
            }
            double[] returns = new double[n];
            double mean = 0;
            for (int t = 0; t < n; t++) {
                returns[t] = Math.log(training.get(t + h).close() / training.get(t).close());
                mean += returns[t];
            }
            mean /= n;
            for (int t = 0; t < n; t++) {
                returns[t] -= mean;
            }
            offsets[h - 1] = Quantiles.of(returns, Levels.LEVELS);
        }
        return new StaticRandomWalk(offsets);
    }

    @Override
    public int barsNeeded() {
        return 1;
    }

    @Override
    public double[][] offsets(List<Bar> history, int horizons) {
        if (horizons > offsets.length) {
            throw new IllegalArgumentException("this band was fitted up to horizon " + offsets.length);
        }
        double[][] out = new double[horizons][];
        for (int h = 0; h < horizons; h++) {
            out[h] = offsets[h].clone();
        }
        return out;
    }

    @Override
    public String method() {
        return METHOD;
    }
}
