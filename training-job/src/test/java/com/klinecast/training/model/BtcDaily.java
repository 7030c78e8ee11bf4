package com.klinecast.training.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    final double[] min = new double[FEATURES];
    final double[] max = new double[FEATURES];

    private BtcDaily(double[][] raw) {
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] r : raw) {
            for (int f = 0; f < FEATURES; f++) {
                min[f] = Math.min(min[f], r[f]);
                max[f] = Math.max(max[f], r[f]);
            }
        }
        rows = new double[raw.length][FEATURES];
        for (int i = 0; i < raw.length; i++) {
            for (int f = 0; f < FEATURES; f++) {
                rows[i][f] = scale(f, raw[i][f]);
            }
        }
    }

    static BtcDaily load() {
        String dir = System.getProperty("klinecast.dataDir", "../data/binance");
        try {
            List<String> lines = Files.readAllLines(Path.of(dir, "binance-BTCUSDT-1d.csv"));
            double[][] raw = lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
                String[] c = l.split(",");
                double[] r = new double[FEATURES];
                for (int f = 0; f < FEATURES; f++) {
                    r[f] = Double.parseDouble(c[f + 1]); // open_time, then open, high, low, close, volume
                }
                return r;
            }).toArray(double[][]::new);
            return new BtcDaily(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        float[][][] x = new float[to - from][][];
        float[][] y = new float[to - from][];
        for (int s = from; s < to; s++) {
            x[s - from] = floats(window(s, window));
            y[s - from] = new float[] {(float) rows[s + window][CLOSE]};
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
