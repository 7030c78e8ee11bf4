package com.klinecast.core.features;

import com.klinecast.core.candle.Candle;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes {@link Features} for the backfill, the daily job and a recompute alike. Each feature at candle t reads
 * only candles at or before t (no look-ahead) and only the last {@link FeatureSet#LOOKBACK} of them, with sums
 * taken in one fixed order; so the daily job, given the previous rows from the table, gets bit-identical values
 * to the backfill's for the same candles.
 */
public final class FeatureEngine {

    private FeatureEngine() {
    }

    /**
     * Features of each candle of {@code page}.
     *
     * @param history the candles just before the page, oldest first (the last {@link FeatureSet#LOOKBACK} are used;
     *     fewer at the start of a series, whose first rows then are not warm)
     */
    public static List<Features> compute(List<Candle> history, List<Candle> page) {
        List<Candle> window = new ArrayList<>(Math.min(history.size(), FeatureSet.LOOKBACK) + page.size());
        window.addAll(history.subList(Math.max(0, history.size() - FeatureSet.LOOKBACK), history.size()));
        int offset = window.size();
        window.addAll(page);
        double[] close = new double[window.size()];
        double[] volume = new double[window.size()];
        for (int i = 0; i < window.size(); i++) {
            close[i] = window.get(i).close().doubleValue();
            volume[i] = window.get(i).volume().doubleValue();
        }
        List<Features> out = new ArrayList<>(page.size());
        for (int i = offset; i < window.size(); i++) {
            Candle c = window.get(i);
            out.add(new Features(
                    i >= 1 ? Math.log(close[i] / close[i - 1]) : null,
                    i >= 3 ? close[i] / close[i - 3] - 1 : null,
                    i >= 7 ? close[i] / close[i - 7] - 1 : null,
                    i >= 6 ? mean(close, i - 6, i) : null,
                    i >= 29 ? mean(close, i - 29, i) : null,
                    i >= 30 ? logReturnStd(close, i - 29, i) : null,
                    (c.high().doubleValue() - c.low().doubleValue()) / close[i],
                    i >= 29 ? ratio(volume[i], mean(volume, i - 29, i)) : null,
                    i >= 14 ? rsi(close, i - 13, i) : null));
        }
        return out;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += values[i];
        }
        return sum / (to - from + 1);
    }

    /** Sample standard deviation of the log returns ending at indices from..to. */
    private static double logReturnStd(double[] close, int from, int to) {
        int n = to - from + 1;
        double[] r = new double[n];
        for (int k = 0; k < n; k++) {
            r[k] = Math.log(close[from + k] / close[from + k - 1]);
        }
        double mean = mean(r, 0, n - 1);
        double squares = 0;
        for (double x : r) {
            squares += (x - mean) * (x - mean);
        }
        return Math.sqrt(squares / (n - 1));
    }

    private static Double ratio(double value, double mean) {
        return mean > 0 ? value / mean : null;
    }

    /** RSI over the changes ending at indices from..to, with simple (not Wilder's recursive) averages. */
    private static double rsi(double[] close, int from, int to) {
        double gains = 0;
        double losses = 0;
        for (int i = from; i <= to; i++) {
            double change = close[i] - close[i - 1];
            if (change > 0) {
                gains += change;
            } else {
                losses -= change;
            }
        }
        if (losses == 0) {
            return gains == 0 ? 50.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + gains / losses);
    }
}
