package com.klinecast.training.model;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.forecast.GlobalMinMax;
import com.klinecast.core.series.Target;
import com.klinecast.core.testing.CsvCandles;

import java.util.List;

/**
 * The bundled BTCUSDT daily klines as open, high, low, close, volume, each column min-max scaled over the whole file.
 * Scaling over the whole file peeks at the future and is fine only here, where the tests compare two
 * implementations of one network on realistic inputs; the training job fits its scaling on the training split.
 */
final class BtcDaily {

    static final int FEATURES = 5;
    static final int CLOSE = 3;

    final double[][] rows;
    final double[] min;
    final double[] max;

    private BtcDaily(GlobalMinMax scaling, List<Bar> bars) {
        min = scaling.min();
        max = scaling.max();
        rows = scaling.inputs(bars);
    }

    static BtcDaily load() {
        List<Bar> bars = CsvCandles.read("binance-BTCUSDT-1d.csv", Integer.MAX_VALUE).stream().map(Bar::of).toList();
        // Columns in Bar.Column order: open, high, low, close, volume (CLOSE = 3).
        return new BtcDaily(GlobalMinMax.fit(List.of(Column.values()), bars, Target.CLOSE), bars);
    }

    double scale(int column, double value) {
        return (value - min[column]) / (max[column] - min[column]);
    }

    double unscale(int column, double scaled) {
        return min[column] + scaled * (max[column] - min[column]);
    }

    /** Every window of {@code window} rows, each with the next row's scaled close as its target. */
    TrainingSet windows(int window) {
        return windows(window, 0, rows.length - window);
    }

    /** Windows starting at {@code from} (inclusive) to {@code to} (exclusive). */
    TrainingSet windows(int window, int from, int to) {
        return windows(window, 1, from, to);
    }

    /** Windows as for a direct model: the scaled closes of the {@code horizons} rows after each as its targets. */
    TrainingSet windows(int window, int horizons, int from, int to) {
        float[][][] x = new float[to - from][][];
        float[][] y = new float[to - from][horizons];
        for (int s = from; s < to; s++) {
            x[s - from] = floats(window(s, window));
            for (int h = 0; h < horizons; h++) {
                y[s - from][h] = (float) rows[s + window + h][CLOSE];
            }
        }
        return new TrainingSet(x, y);
    }

    /** Rows {@code start .. start + window - 1}, copied. */
    double[][] window(int start, int window) {
        double[][] w = new double[window][];
        for (int t = 0; t < window; t++) {
            w[t] = rows[start + t].clone();
        }
        return w;
    }

    static float[][] floats(double[][] w) {
        float[][] f = new float[w.length][];
        for (int t = 0; t < w.length; t++) {
            f[t] = new float[w[t].length];
            for (int c = 0; c < w[t].length; c++) {
                f[t][c] = (float) w[t][c];
            }
        }
        return f;
    }

    /** Exactly representable in float, so DL4J (float) and the portable pass (double) read the same numbers. */
    static double[][] floatValued(double[][] w) {
        double[][] d = new double[w.length][];
        for (int t = 0; t < w.length; t++) {
            d[t] = new double[w[t].length];
            for (int c = 0; c < w[t].length; c++) {
                d[t][c] = (float) w[t][c];
            }
        }
        return d;
    }
}
