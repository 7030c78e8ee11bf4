package com.klinecast.core.bands;

import com.klinecast.core.evaluation.stats.Quantiles;
import com.klinecast.core.forecast.Bar;
import java.util.Arrays;
import java.util.List;

/**
 * Split-conformal quantiles of the model's own errors after volatility scaling: on calibration origins, the
 * residual log(actual / point) divided by the EWMA deviation at the origin times √h; the band is those
 * residual quantiles times the current EWMA deviation √h. Keeps the model's bias and tail shape (a fixed
 * residual quantile would not survive volatility clustering; scaling by the current volatility does).
 *
 * @param scaled per horizon, the levels' quantiles of the scaled residuals
 */
public record Conformal(Ewma volatility, double[][] scaled) implements Band {

    static final String METHOD = "conformal";

    /**
     * @param origins calibration origins (indices into {@code bars})
     * @param points {@code points[k][h - 1]}: the point forecast h steps after origins[k]
     * @param targetEnd exclusive bound on the bars a residual may compare with
     */
    public static Conformal fit(Ewma volatility, List<Bar> bars, int[] origins, double[][] points, int targetEnd) {
        int maxH = points.length == 0 ? 0 : points[0].length;
        double[][] scaled = new double[maxH][];
        for (int h = 1; h <= maxH; h++) {
            double[] residuals = new double[origins.length];
            int n = 0;
            for (int k = 0; k < origins.length; k++) {
                int target = origins[k] + h;
                if (target < Math.min(targetEnd, bars.size())) {
                    double sigma = Math.sqrt(volatility.variance(bars.subList(0, origins[k] + 1)) * h);
                    residuals[n++] = Math.log(bars.get(target).close() / points[k][h - 1]) / sigma;
                }
            }
            if (n < 10) {
                throw new IllegalArgumentException("too few calibration origins (" + n + ") at horizon " + h);
            }
            scaled[h - 1] = Quantiles.of(Arrays.copyOf(residuals, n), Levels.LEVELS);
        }
        return new Conformal(volatility, scaled);
    }

    @Override
    public int barsNeeded() {
        return volatility.barsNeeded();
    }

    @Override
    public double[][] offsets(List<Bar> history, int horizons) {
        if (horizons > scaled.length) {
            throw new IllegalArgumentException("this band was calibrated up to horizon " + scaled.length);
        }
        double sigma = Math.sqrt(volatility.variance(history));
        double[][] out = new double[horizons][];
        for (int h = 1; h <= horizons; h++) {
            out[h - 1] = new double[scaled[h - 1].length];
            for (int i = 0; i < out[h - 1].length; i++) {
                out[h - 1][i] = scaled[h - 1][i] * sigma * Math.sqrt(h);
            }
        }
        return out;
    }

    @Override
    public String method() {
        return METHOD;
    }
}
