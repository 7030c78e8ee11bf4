package com.klinecast.core.bands;

import com.klinecast.core.forecast.Bar;
import java.util.List;

/**
 * RiskMetrics volatility scaling: the one-step variance is an exponentially weighted average of squared log
 * returns (λ = 0.94), started from the training split's variance {@code window} bars before the origin; the
 * h-step band is Gaussian with deviation σ√h. Follows volatility clustering, which a static band cannot.
 */
public record Ewma(double lambda, double initialVariance, int window) implements Band {

    static final String METHOD = "ewma";

    public static final double RISKMETRICS_LAMBDA = 0.94;

    /** History read: 0.94^120 leaves under 0.1% weight on the starting variance. */
    public static final int WINDOW = 120;

    private static final double[] Z = Levels.normal();

    public static Ewma fit(List<Bar> training) {
        return new Ewma(RISKMETRICS_LAMBDA, LogReturnsOf.variance(LogReturnsOf.of(training)), WINDOW);
    }

    /** The one-step variance after the last bar of {@code history}. */
    double variance(List<Bar> history) {
        double v = initialVariance;
        for (double r : LogReturnsOf.of(LogReturnsOf.last(history, window))) {
            v = lambda * v + (1 - lambda) * r * r;
        }
        return v;
    }

    @Override
    public int barsNeeded() {
        return window;
    }

    @Override
    public double[][] offsets(List<Bar> history, int horizons) {
        double sigma = Math.sqrt(variance(history));
        double[][] out = new double[horizons][Z.length];
        for (int h = 1; h <= horizons; h++) {
            for (int i = 0; i < Z.length; i++) {
                out[h - 1][i] = Z[i] * sigma * Math.sqrt(h);
            }
        }
        return out;
    }

    @Override
    public String method() {
        return METHOD;
    }
}
