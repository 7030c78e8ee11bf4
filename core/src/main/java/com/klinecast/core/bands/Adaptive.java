package com.klinecast.core.bands;

import com.klinecast.core.forecast.Bar;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Another band's quantiles widened or narrowed by how its 80% band has done lately: adaptive conformal inference
 * (Gibbs and Candès) on the band's scale. At each horizon h the log scale starts at 0 {@code replay} origins
 * back and moves by {@code gamma} × (miss − 0.2) each time a forecast made h steps earlier matures, missing or
 * holding the close; the band at the forecast origin is the base's offsets times the exponential of that sum.
 * A band fitted once keeps the spread of the period it was fitted on; this one corrects itself within weeks of a
 * change of regime, in either direction, and its long-run miss rate tends to 20% whatever the base. Misses are
 * scored around the random walk's point (the last close), so the predictor needs candles only.
 *
 * @param gamma the step of the log scale per matured forecast
 * @param replay origins over which the scale is rebuilt from 1 at every forecast
 * @param maxHorizon the longest horizon the band serves (it decides how much history is read)
 */
public record Adaptive(Band base, double gamma, int replay, int maxHorizon) implements Band {

    static final String METHOD = "adaptive";

    /** The steps validation chooses from. */
    static final double[] GAMMAS = {0.005, 0.02};

    /** A year of daily origins: long enough to forget the starting scale at either step. */
    static final int REPLAY = 365;

    private static final double TARGET_MISS = 0.2;

    /** The scale stays within [1/4, 4] of the base's, so a run of misses cannot make a band useless. */
    private static final double MAX_LOG_SCALE = Math.log(4);

    public Adaptive {
        if (base instanceof Adaptive || gamma <= 0 || replay < 1 || maxHorizon < 1) {
            throw new IllegalArgumentException("adaptive band over " + base.method() + ", gamma " + gamma
                    + ", replay " + replay + ", horizon " + maxHorizon);
        }
    }

    @Override
    public int barsNeeded() {
        return base.barsNeeded() + replay + maxHorizon;
    }

    @Override
    public double[][] offsets(List<Bar> history, int horizons) {
        return offsets(history, horizons, recomputed(history, horizons));
    }

    private IntFunction<double[][]> recomputed(List<Bar> history, int horizons) {
        return s -> base.offsets(history.subList(0, s + 1), Math.min(horizons, history.size() - 1 - s));
    }

    /**
     * The same with the base's offsets at earlier origins taken from {@code baseAt} (its offsets after bar s, at
     * least as many horizons as remain before the last bar), which a caller scoring many consecutive origins keeps
     * instead of recomputing them for every replay.
     */
    double[][] offsets(List<Bar> history, int horizons, IntFunction<double[][]> baseAt) {
        if (horizons > maxHorizon) {
            throw new IllegalArgumentException("this band serves up to horizon " + maxHorizon);
        }
        double[] logScale = logScales(history, horizons, baseAt);
        double[][] out = base.offsets(history, horizons);
        for (int h = 0; h < horizons; h++) {
            double scale = Math.exp(logScale[h]);
            for (int i = 0; i < out[h].length; i++) {
                out[h][i] *= scale;
            }
        }
        return out;
    }

    /**
     * Per horizon, the log scale at the last bar: replays the origins in order, each scored with the scale it was
     * forecast with, which counts only the forecasts that had matured by its own origin.
     */
    double[] logScales(List<Bar> history, int horizons) {
        return logScales(history, horizons, recomputed(history, horizons));
    }

    private double[] logScales(List<Bar> history, int horizons, IntFunction<double[][]> baseAt) {
        int last = history.size() - 1;
        // no earlier than the base can forecast from: a short history replays fewer origins
        int start = Math.max(Math.max(1, base.barsNeeded() - 1), last - replay - horizons);
        int n = last - start + 1;
        // errors[h - 1][k]: cumulative (miss - 0.2) of the origins start .. start + k at horizon h
        double[][] cumulative = new double[horizons][n];
        for (int s = start; s < last; s++) {
            double[][] offsets = baseAt.apply(s);
            int matured = Math.min(horizons, last - s);
            for (int h = 1; h <= matured; h++) {
                double scale = Math.exp(logScale(cumulative[h - 1], s - h - start));
                double r = Math.log(history.get(s + h).close() / history.get(s).close());
                boolean miss = r < offsets[h - 1][Levels.P10] * scale || r > offsets[h - 1][Levels.P90] * scale;
                int k = s - start;
                cumulative[h - 1][k] = (k == 0 ? 0 : cumulative[h - 1][k - 1]) + (miss ? 1 : 0) - TARGET_MISS;
            }
            for (int h = matured + 1; h <= horizons; h++) {
                int k = s - start;
                cumulative[h - 1][k] = k == 0 ? 0 : cumulative[h - 1][k - 1];
            }
        }
        double[] out = new double[horizons];
        for (int h = 1; h <= horizons; h++) {
            out[h - 1] = logScale(cumulative[h - 1], last - h - start);
        }
        return out;
    }

    private double logScale(double[] cumulative, int upTo) {
        double sum = upTo < 0 ? 0 : cumulative[upTo];
        return Math.max(-MAX_LOG_SCALE, Math.min(MAX_LOG_SCALE, gamma * sum));
    }

    @Override
    public String method() {
        return base.method() + "_" + METHOD;
    }
}
