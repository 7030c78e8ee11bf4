package com.klinecast.core.evaluation;

import com.klinecast.core.bands.Band;
import com.klinecast.core.bands.Levels;
import com.klinecast.core.evaluation.stats.Binomial;
import com.klinecast.core.evaluation.stats.BlockBootstrap;
import com.klinecast.core.evaluation.stats.DieboldMariano;
import com.klinecast.core.evaluation.stats.Interval;
import com.klinecast.core.evaluation.stats.Kupiec;
import com.klinecast.core.evaluation.stats.QuantileScores;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.Forecasts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
        double[][] points = new double[n][];
        for (int k = 0; k < n; k++) {
            origins[k] = first + k;
            // Only bars up to and including the origin: the forecast cannot see what it is judged against.
            points[k] = forecaster.forecast(bars.subList(0, origins[k] + 1), maxHorizon);
        }
        return new Forecasts(origins, points, forecaster.target());
    }

    /** Point metrics per horizon, without a band (the band fields are null). */
    public static BacktestReport evaluate(List<Bar> bars, Forecasts forecasts, int[] horizons) {
        return evaluate(bars, forecasts, horizons, null, null);
    }

    /**
     * Metrics per horizon with the quantiles of {@code band} (null: none) scored against those of
     * {@code reference}, the static random-walk band (null: no skill reported).
     */
    public static BacktestReport evaluate(List<Bar> bars, Forecasts forecasts, int[] horizons, Band band,
            Band reference) {
        List<HorizonMetrics> metrics = new ArrayList<>();
        for (int h : horizons) {
            if (h > forecasts.maxHorizon()) {
                throw new IllegalArgumentException("horizon " + h + " beyond the forecasts' " + forecasts.maxHorizon());
            }
            metrics.add(atHorizon(bars, forecasts, h, band, reference));
        }
        int[] origins = forecasts.origins();
        return new BacktestReport(origins.length == 0 ? null : iso(bars, origins[0]),
                origins.length == 0 ? null : iso(bars, origins[origins.length - 1]), origins.length, metrics);
    }

    /** Signed errors of the model and of naive at horizon h, origins whose actual exists only. */
    public static HorizonErrors errors(List<Bar> bars, Forecasts forecasts, int h) {
        int[] origins = new int[forecasts.origins().length];
        double[] model = new double[origins.length];
        double[] naive = new double[origins.length];
        int n = 0;
        for (int k = 0; k < forecasts.origins().length; k++) {
            int origin = forecasts.origins()[k];
            if (origin + h >= bars.size()) {
                continue;
            }
            double actual = bars.get(origin + h).get(forecasts.target());
            origins[n] = origin;
            model[n] = forecasts.points()[k][h - 1] - actual;
            naive[n] = bars.get(origin).get(forecasts.target()) - actual;
            n++;
        }
        return new HorizonErrors(h, Arrays.copyOf(origins, n), Arrays.copyOf(model, n), Arrays.copyOf(naive, n));
    }

    private static HorizonMetrics atHorizon(List<Bar> bars, Forecasts forecasts, int h, Band band, Band reference) {
        HorizonErrors errors = errors(bars, forecasts, h);
        int n = errors.size();
        if (n == 0) {
            throw new IllegalArgumentException("no origin has an actual close " + h + " steps ahead");
        }
        double absErr = 0;
        double sqErr = 0;
        double pctErr = 0;
        double naiveAbs = 0;
        double naiveSq = 0;
        double naivePct = 0;
        int rightDirection = 0;
        int ups = 0;
        BandScore score = band == null ? null : new BandScore();
        BandScore referenceScore = reference == null || band == null ? null : new BandScore();
        for (int k = 0, i = 0; k < forecasts.origins().length && i < n; k++) {
            int origin = forecasts.origins()[k];
            if (origin != errors.origins()[i]) {
                continue;
            }
            double e = errors.model()[i];
            double naiveE = errors.naive()[i];
            double last = bars.get(origin).get(forecasts.target());
            double actual = last - naiveE;
            double predicted = actual + e;
            absErr += Math.abs(e);
            sqErr += e * e;
            pctErr += Math.abs(e) / actual;
            naiveAbs += Math.abs(naiveE);
            naiveSq += naiveE * naiveE;
            naivePct += Math.abs(naiveE) / actual;
            boolean up = actual > last;
            ups += up ? 1 : 0;
            rightDirection += (predicted > last) == up ? 1 : 0;
            if (score != null) {
                List<Bar> history = bars.subList(0, origin + 1);
                double[] points = Arrays.copyOf(forecasts.points()[k], h);
                score.add(band.quantiles(history, points)[h - 1], actual);
                if (referenceScore != null) {
                    referenceScore.add(reference.quantiles(history, points)[h - 1], actual);
                }
            }
            i++;
        }
        double mae = absErr / n;
        double naiveMae = naiveAbs / n;
        Interval mase = naiveMae == 0 ? new Interval(Double.NaN, Double.NaN)
                : BlockBootstrap.defaults().maseInterval(errors.model(), errors.naive(), h, 0.95);
        double dm = n < 2 ? Double.NaN : DieboldMariano.absoluteErrors(errors.model(), errors.naive(), h).pBetter();
        Interval coverage80 = score == null ? null
                : BlockBootstrap.defaults().shareInterval(score.inside(Levels.P10, Levels.P90), h, 0.95);
        double upShare = (double) ups / n;
        double direction = Binomial.pValueAtLeast(rightDirection, n, Math.max(upShare, 1 - upShare));
        return new HorizonMetrics(h, n, mae, Math.sqrt(sqErr / n), 100 * pctErr / n, naiveMae,
                Math.sqrt(naiveSq / n), 100 * naivePct / n, naiveMae == 0 ? Double.NaN : mae / naiveMae,
                mase.low(), mase.high(), dm, (double) rightDirection / n, upShare, direction,
                score == null ? null : score.coverage(Levels.P25, Levels.P75),
                score == null ? null : score.coverage(Levels.P10, Levels.P90),
                coverage80 == null ? null : coverage80.low(), coverage80 == null ? null : coverage80.high(),
                score == null ? null : score.coverage(Levels.P05, Levels.P95),
                score == null ? null : Kupiec.pValue(score.outside(Levels.P10, Levels.P90), n, 0.2),
                score == null ? null : score.pinball / n, score == null ? null : score.crps / n,
                referenceScore == null || referenceScore.pinball == 0 ? null
                        : 1 - score.pinball / referenceScore.pinball);
    }

    /** Running sums of a band's scores over origins. */
    private static final class BandScore {
        private final List<double[]> quantiles = new ArrayList<>();
        private final List<Double> actuals = new ArrayList<>();
        private double pinball;
        private double crps;

        void add(double[] q, double actual) {
            quantiles.add(q);
            actuals.add(actual);
            pinball += QuantileScores.meanPinball(q, Levels.LEVELS, actual);
            crps += QuantileScores.crps(q, Levels.LEVELS, actual);
        }

        boolean[] inside(int low, int high) {
            boolean[] in = new boolean[actuals.size()];
            for (int i = 0; i < in.length; i++) {
                in[i] = Levels.inside(quantiles.get(i), low, high, actuals.get(i));
            }
            return in;
        }

        int outside(int low, int high) {
            int out = 0;
            for (int i = 0; i < actuals.size(); i++) {
                out += Levels.inside(quantiles.get(i), low, high, actuals.get(i)) ? 0 : 1;
            }
            return out;
        }

        double coverage(int low, int high) {
            return 1 - (double) outside(low, high) / actuals.size();
        }
    }

    private static String iso(List<Bar> bars, int index) {
        return Instant.ofEpochMilli(bars.get(index).openTime()).toString();
    }
}
