package com.klinecast.training.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Plain Java arrays to ND4J arrays in the layout {@link LstmNetworks} uses (or, flattened, {@link MlpNetworks}). Windows arrive time-major per sample,
 * {@code x[sample][time][feature]} (how windows are cut from a series); the network reads NCW,
 * {@code [batch, feature, time]}.
 */
final class Nd4jArrays {

    private Nd4jArrays() {
    }

    /** Windows {@code x[order[from]] .. x[order[to - 1]]} as an NCW float array. */
    static INDArray windows(float[][][] x, int[] order, int from, int to) {
        int batch = to - from;
        int steps = x[order[from]].length;
        int features = x[order[from]][0].length;
        float[] flat = new float[batch * features * steps];
        for (int b = 0; b < batch; b++) {
            float[][] window = x[order[from + b]];
            int base = b * features * steps;
            for (int t = 0; t < steps; t++) {
                float[] step = window[t];
                for (int f = 0; f < features; f++) {
                    flat[base + f * steps + t] = step[f];
                }
            }
        }
        return Nd4j.create(flat, new long[] {batch, features, steps}, 'c');
    }

    /**
     * Windows as an MLP reads them, {@code [batch, time × features]}: each window's steps laid end to end
     * (time-major), the order {@code PortableMlp} flattens in.
     */
    static INDArray flat(float[][][] x, int[] order, int from, int to) {
        int batch = to - from;
        int steps = x[order[from]].length;
        int features = x[order[from]][0].length;
        float[] flat = new float[batch * steps * features];
        for (int b = 0; b < batch; b++) {
            float[][] window = x[order[from + b]];
            for (int t = 0; t < steps; t++) {
                System.arraycopy(window[t], 0, flat, (b * steps + t) * features, features);
            }
        }
        return Nd4j.create(flat, new long[] {batch, steps * features}, 'c');
    }

    /** Targets {@code y[order[from]] .. y[order[to - 1]]} as a {@code [batch, outputs]} float array. */
    static INDArray targets(float[][] y, int[] order, int from, int to) {
        int batch = to - from;
        int outputs = y[order[from]].length;
        float[] flat = new float[batch * outputs];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(y[order[from + b]], 0, flat, b * outputs, outputs);
        }
        return Nd4j.create(flat, new long[] {batch, outputs}, 'c');
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
