package com.klinecast.training.model;

import java.util.Random;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the parity tests of every network share: DL4J's output as a function, and the largest differences. */
final class Parity {

    /** How many windows were compared, and the largest absolute difference over them. */
    record Difference(int compared, double max) {
    }

    private Parity() {
    }

    /** DL4J's inference on one window (dropout off); {@code input} lays the window out as the network reads it. */
    static Function<double[][], double[]> dl4j(MultiLayerNetwork net, Function<float[][][], INDArray> input) {
        return window -> {
            float[] out = net.output(input.apply(new float[][][] {BtcDaily.floats(window)}), false).toFloatVector();
            double[] d = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                d[i] = out[i];
            }
            return d;
        };
    }

    /** Every {@code step}-th window of {@code size} steps, each of the first {@code outputs} outputs compared. */
    static Difference overWindows(Function<double[][], double[]> expected, Function<double[][], double[]> actual,
            BtcDaily btc, int size, int step, int outputs) {
        double max = 0;
        int compared = 0;
        for (int start = 0; start < btc.rows.length - size; start += step) {
            double[][] window = BtcDaily.floatValued(btc.window(start, size));
            double[] e = expected.apply(window);
            double[] a = actual.apply(window);
            for (int o = 0; o < outputs; o++) {
                max = Math.max(max, Math.abs(e[o] - a[o]));
            }
            compared++;
        }
        return new Difference(compared, max);
    }

    /** 30-step recursive forecasts from four origins across the series, early to last. */
    static double overRollouts(Function<double[][], double[]> expected, Function<double[][], double[]> actual,
            BtcDaily btc, int size) {
        double max = 0;
        for (int start : new int[] {100, 1000, 2000, btc.rows.length - size}) {
            double[][] window = BtcDaily.floatValued(btc.window(start, size));
            double[] e = Rollout.closes(expected, btc, window, 30);
            double[] a = Rollout.closes(actual, btc, window, 30);
            for (int s = 0; s < 30; s++) {
                max = Math.max(max, Math.abs(e[s] - a[s]));
            }
        }
        return max;
    }

    /** Every weight and bias drawn at random, so every row and column of every layer matters. */
    static void randomize(MultiLayerNetwork net, long seed, double scale) {
        Random random = new Random(seed);
        float[] params = new float[(int) net.numParams()];
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (random.nextGaussian() * scale);
        }
        net.setParams(Nd4j.create(params, new long[] {1, params.length}, 'c'));
    }
}
