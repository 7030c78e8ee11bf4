package com.klinecast.core.dataset;

/**
 * Training samples: {@code x[i]} is a window (steps × columns), {@code y[i]} its scaled targets (one per horizon,
 * 1 first), and {@code targetIndex[i]} the index of the bar the horizon-1 target belongs to (for splits and audits).
 */
public record Samples(double[][][] x, double[][] y, int[] targetIndex) {

    public int size() {
        return x.length;
    }
}
