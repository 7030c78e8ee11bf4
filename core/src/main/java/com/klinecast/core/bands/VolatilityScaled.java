package com.klinecast.core.bands;

import com.klinecast.core.evaluation.stats.Quantiles;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.volatility.VarianceProxy;
import com.klinecast.core.volatility.VolatilityModel;
import java.util.Arrays;
import java.util.List;

/**
 * A location-scale band driven by a volatility forecast: on calibration origins, the model's residual
 * log(actual / point) at h divided by the forecast h-day deviation √(h · v̄_h) of {@code volatility}; the band is
 * those standardized quantiles times the current forecast deviation. Like {@link Conformal}, but the scale looks
 * ahead (HAR's forecast of the next h days) where EWMA only looks back.
 *
 * @param scaled per horizon, the levels' quantiles of the standardized residuals
 */
public record VolatilityScaled(VolatilityModel volatility, VarianceProxy variance, double[][] scaled)
        implements Band {

    static final String METHOD = "volatility";

    /**
     * @param origins calibration origins (indices into {@code bars})
     * @param points {@code points[k][h - 1]}: the point forecast h steps after origins[k]
     * @param targetEnd exclusive bound on the bars a residual may compare with
     */
    public static VolatilityScaled fit(VolatilityModel volatility, VarianceProxy variance, List<Bar> bars,
            int[] origins, double[][] points, int targetEnd) {
        int maxH = points.length == 0 ? 0 : points[0].length;
        int end = Math.min(targetEnd, bars.size());
        double[] v = variance.of(bars.subList(0, end));
        double[][] residuals = new double[maxH][origins.length];
        int[] counts = new int[maxH];
        for (int k = 0; k < origins.length; k++) {
            int origin = origins[k];
            if (origin < volatility.history() - 1 || origin >= end) {
                continue;
            }
            double[] forecast = volatility.forecast(v, origin, maxH);
            for (int h = 1; h <= maxH && origin + h < end; h++) {
                double sigma = Math.sqrt(h * forecast[h - 1]);
                residuals[h - 1][counts[h - 1]++] = Math.log(bars.get(origin + h).close() / points[k][h - 1]) / sigma;
            }
        }
        double[][] scaled = new double[maxH][];
        for (int h = 1; h <= maxH; h++) {
            if (counts[h - 1] < 10) {
                throw new IllegalArgumentException("too few calibration origins (" + counts[h - 1] + ") at horizon "
                        + h);
            }
            scaled[h - 1] = Quantiles.of(Arrays.copyOf(residuals[h - 1], counts[h - 1]), Levels.LEVELS);
        }
        return new VolatilityScaled(volatility, variance, scaled);
    }

    @Override
    public int barsNeeded() {
        return volatility.history();
    }

    @Override
    public double[][] offsets(List<Bar> history, int horizons) {
        if (horizons > scaled.length) {
            throw new IllegalArgumentException("this band was calibrated up to horizon " + scaled.length);
        }
        List<Bar> recent = history.subList(Math.max(0, history.size() - barsNeeded()), history.size());
        double[] forecast = volatility.forecast(variance.of(recent), recent.size() - 1, horizons);
        double[][] out = new double[horizons][];
        for (int h = 1; h <= horizons; h++) {
            double sigma = Math.sqrt(h * forecast[h - 1]);
            out[h - 1] = new double[scaled[h - 1].length];
            for (int i = 0; i < out[h - 1].length; i++) {
                out[h - 1][i] = scaled[h - 1][i] * sigma;
            }
        }
        return out;
    }

    @Override
    public String method() {
        return METHOD;
    }
}
