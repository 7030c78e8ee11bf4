package com.klinecast.training.model;

/**
 * Windows and their targets as plain arrays: {@code x[sample][time][feature]} (time-major per sample, oldest step
 * first) and {@code y[sample][output]}. Float, the precision the network trains in.
 */
public record TrainingSet(float[][][] x, float[][] y) {

    public TrainingSet {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("need as many targets as windows, and at least one: "
                    + x.length + " windows, " + y.length + " targets");
        }
    }

    public int size() {
        return x.length;
    }

    /** Throws unless every window is {@code window × features} and every target has {@code outputs} values. */
    void requireShape(int window, int features, int outputs) {
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != window) {
                throw new IllegalArgumentException("window " + i + " has " + x[i].length + " steps, expected " + window);
            }
            for (float[] step : x[i]) {
                if (step.length != features) {
                    throw new IllegalArgumentException("window " + i + " has a step of " + step.length
                            + " features, expected " + features);
                }
            }
            if (y[i].length != outputs) {
                throw new IllegalArgumentException("target " + i + " has " + y[i].length + " values, expected " + outputs);
            }
        }
    }
}
