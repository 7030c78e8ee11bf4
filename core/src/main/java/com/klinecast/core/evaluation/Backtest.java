package com.klinecast.core.evaluation;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Forecaster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward evaluation: from each origin t, forecast horizons 1..H with bars up to t only, then compare with
 * the actual closes and with the naive forecast (close_t repeated) on exactly the same origins. A volume model is
 * judged the same way on volumes: against the actual volumes and the last volume repeated.
 */
public final class Backtest {

    private Backtest() {
    }

    /** Forecasts from every origin in [fromOrigin, toOrigin) that has the history the forecaster needs. */
    public static Forecasts forecast(List<Bar> bars, Forecaster forecaster, int fromOrigin, int toOrigin,
            int maxHorizon) {
        int first = Math.max(fromOrigin, forecaster.barsNeeded() - 1);
        int n = Math.max(0, toOrigin - first);
        int[] origins = new int[n];
        double[][] closes = new double[n][];
        for (int k = 0; k < n; k++) {
            origins[k] = first + k;
            // Only bars up to and including the origin: the forecast cannot see what it is judged against.
            closes[k] = forecaster.closes(bars.subList(0, origins[k] + 1), maxHorizon);
        }
        return new Forecasts(origins, closes, forecaster.target());
    }

    /** Metrics per horizon; {@code intervals} may be null (then no coverage is reported). */
    public static BacktestReport evaluate(List<Bar> bars, Forecasts forecasts, int[] horizons,
            ResidualIntervals intervals) {
        List<HorizonMetrics> metrics = new ArrayList<>();
        for (int h : horizons) {
            if (h > forecasts.maxHorizon()) {
                throw new IllegalArgumentException("horizon " + h + " beyond the forecasts' " + forecasts.maxHorizon());
            }
            metrics.add(atHorizon(bars, forecasts, h, intervals));
        }
        int[] origins = forecasts.origins();
        return new BacktestReport(origins.length == 0 ? null : iso(bars, origins[0]),
                origins.length == 0 ? null : iso(bars, origins[origins.length - 1]), origins.length, metrics);
    }

    private static HorizonMetrics atHorizon(List<Bar> bars, Forecasts forecasts, int h, ResidualIntervals intervals) {
        double absErr = 0;
        double sqErr = 0;
        double pctErr = 0;
        double naiveAbs = 0;
        double naiveSq = 0;
        double naivePct = 0;
        int rightDirection = 0;
        int ups = 0;
        int covered = 0;
        int n = 0;
        for (int k = 0; k < forecasts.origins().length; k++) {
            int origin = forecasts.origins()[k];
            if (origin + h >= bars.size()) {
                continue;
            }
            double last = bars.get(origin).get(forecasts.target());
            double actual = bars.get(origin + h).get(forecasts.target());
            double predicted = forecasts.closes()[k][h - 1];
            absErr += Math.abs(predicted - actual);
            sqErr += (predicted - actual) * (predicted - actual);
            pctErr += Math.abs(predicted - actual) / actual;
            naiveAbs += Math.abs(last - actual);
            naiveSq += (last - actual) * (last - actual);
            naivePct += Math.abs(last - actual) / actual;
            boolean up = actual > last;
            ups += up ? 1 : 0;
            rightDirection += (predicted > last) == up ? 1 : 0;
            if (intervals != null && actual >= intervals.lowerBound(h, predicted)
                    && actual <= intervals.upperBound(h, predicted)) {
                covered++;
            }
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no origin has an actual close " + h + " steps ahead");
        }
        double mae = absErr / n;
        double naiveMae = naiveAbs / n;
        return new HorizonMetrics(h, n, mae, Math.sqrt(sqErr / n), 100 * pctErr / n, naiveMae,
                Math.sqrt(naiveSq / n), 100 * naivePct / n, naiveMae == 0 ? Double.NaN : mae / naiveMae,
                (double) rightDirection / n, (double) ups / n, intervals == null ? null : (double) covered / n);
    }

    private static String iso(List<Bar> bars, int index) {
        return Instant.ofEpochMilli(bars.get(index).openTime()).toString();
    }
}
