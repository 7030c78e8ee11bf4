package com.klinecast.core.volatility;

import com.klinecast.core.evaluation.stats.DieboldMariano;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rolling-origin evaluation of variance forecasts: at each origin and horizon, the forecast mean variance against
 * the realized mean over the next h days, by QLIKE and squared error, beside naive on the same origins.
 */
public final class VolatilityBacktest {

    private VolatilityBacktest() {
    }

    /** Per-origin losses at horizon h, origins whose h days ahead are all observed. */
    public record Losses(int horizon, int[] origins, double[] qlike, double[] squared) {
    }

    public static Losses losses(double[] variance, VolatilityForecasts forecasts, int h) {
        int[] origins = new int[forecasts.origins().length];
        double[] qlike = new double[origins.length];
        double[] squared = new double[origins.length];
        int n = 0;
        for (int k = 0; k < forecasts.origins().length; k++) {
            int origin = forecasts.origins()[k];
            if (origin + h >= variance.length) {
                continue;
            }
            double actual = VolatilityForecasts.actual(variance, origin, h);
            double forecast = forecasts.means()[k][h - 1];
            origins[n] = origin;
            qlike[n] = VolatilityLoss.qlike(actual, forecast);
            squared[n] = VolatilityLoss.squared(actual, forecast);
            n++;
        }
        return new Losses(h, Arrays.copyOf(origins, n), Arrays.copyOf(qlike, n), Arrays.copyOf(squared, n));
    }

    /**
     * Metrics per horizon of {@code forecasts} beside naive's from the same origins.
     *
     * @param openTimes the bars' open times, for the window's dates
     */
    public static VolatilityReport evaluate(double[] variance, long[] openTimes, VolatilityForecasts forecasts,
            int[] horizons) {
        VolatilityForecasts naive = VolatilityForecasts.of(new NaiveVariance(), variance, forecasts.origins()[0],
                forecasts.origins()[forecasts.origins().length - 1] + 1, forecasts.maxHorizon());
        List<VolatilityMetrics> metrics = new ArrayList<>();
        for (int h : horizons) {
            Losses mine = losses(variance, forecasts, h);
            Losses theirs = losses(variance, naive, h);
            int n = mine.origins().length;
            if (n == 0) {
                throw new IllegalArgumentException("no origin has " + h + " observed days ahead");
            }
            double qlike = mean(mine.qlike());
            double mse = mean(mine.squared());
            double naiveQlike = mean(theirs.qlike());
            double naiveMse = mean(theirs.squared());
            double dm = n < 2 ? Double.NaN : DieboldMariano.ofDifferentials(difference(mine.qlike(),
                    theirs.qlike()), h).pBetter();
            metrics.add(new VolatilityMetrics(h, n, qlike, mse, naiveQlike, naiveMse, qlike / naiveQlike,
                    mse / naiveMse, dm));
        }
        int[] origins = forecasts.origins();
        return new VolatilityReport(Instant.ofEpochMilli(openTimes[origins[0]]).toString(),
                Instant.ofEpochMilli(openTimes[origins[origins.length - 1]]).toString(), origins.length, metrics);
    }

    static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }
}
