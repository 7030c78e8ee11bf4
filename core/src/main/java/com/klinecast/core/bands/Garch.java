package com.klinecast.core.bands;

import com.klinecast.core.forecast.Bar;
import java.util.List;

/**
 * GARCH(1,1) on one-step log returns, σ²(t+1) = ω + α r(t)² + β σ²(t), fitted on the training split by Gaussian
 * maximum likelihood over a grid of (α, β) with variance targeting (ω = v (1 - α - β), v the training variance).
 * The h-step variance is the sum of the mean-reverting forecasts v + (α + β)^(k-1) (σ²(t+1) - v), k = 1..h, so
 * a calm or stormy origin relaxes towards the long-run level as the horizon grows; the band is Gaussian.
 */
public record Garch(double omega, double alpha, double beta, int window) implements Band {

    static final String METHOD = "garch";

    public static final int WINDOW = 250;

    private static final double[] Z = Levels.normal();

    public static Garch fit(List<Bar> training) {
        double[] r = LogReturnsOf.of(training);
        double v = LogReturnsOf.variance(r);
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        double bestAlpha = 0.05;
        double bestBeta = 0.90;
        for (double alpha = 0.01; alpha <= 0.30 + 1e-9; alpha += 0.01) {
            for (double beta = 0.50; beta <= 0.99 + 1e-9; beta += 0.01) {
                if (alpha + beta >= 0.999) {
                    continue;
                }
                double likelihood = logLikelihood(r, v * (1 - alpha - beta), alpha, beta, v);
                if (likelihood > bestLikelihood) {
                    bestLikelihood = likelihood;
                    bestAlpha = alpha;
                    bestBeta = beta;
                }
            }
        }
        return new Garch(v * (1 - bestAlpha - bestBeta), bestAlpha, bestBeta, WINDOW);
    }

    private static double logLikelihood(double[] r, double omega, double alpha, double beta, double start) {
        double s2 = start;
        double sum = 0;
        for (double x : r) {
            sum += -Math.log(s2) - x * x / s2;
            s2 = omega + alpha * x * x + beta * s2;
        }
        return sum / 2;
    }

    double longRunVariance() {
        return omega / (1 - alpha - beta);
    }

    /** σ²(t+1) after the last bar, the recursion started at the long-run variance {@code window} bars back. */
    double nextVariance(List<Bar> history) {
        double s2 = longRunVariance();
        for (double x : LogReturnsOf.of(LogReturnsOf.last(history, window))) {
            s2 = omega + alpha * x * x + beta * s2;
        }
        return s2;
    }

    @Override
    public int barsNeeded() {
        return window;
    }

    @Override
    public double[][] offsets(List<Bar> history, int horizons) {
        double v = longRunVariance();
        double next = nextVariance(history);
        double persistence = alpha + beta;
        double[][] out = new double[horizons][Z.length];
        double cumulative = 0;
        double decay = 1;
        for (int h = 1; h <= horizons; h++) {
            cumulative += v + decay * (next - v);
            decay *= persistence;
            double sigma = Math.sqrt(Math.max(cumulative, 0));
            for (int i = 0; i < Z.length; i++) {
                out[h - 1][i] = Z[i] * sigma;
            }
        }
        return out;
    }

    @Override
    public String method() {
        return METHOD;
    }
}
