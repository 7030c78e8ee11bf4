package com.klinecast.core.forecast.portable;

/**
 * The "network" of a baseline: whatever the window, every output is 0, the scaled value that a
 * {@link com.klinecast.core.forecast.LogReturns} scaling turns into the last close times exp(h × its target
 * mean). With the mean set to 0 that is the naive forecast; with the training split's mean log return, drift.
 * So baselines run through the same {@code Forecaster} as trained networks.
 */
public record BaselineNetwork(int outputs) implements PortableNetwork {

    @Override
    public String format() {
        return "klinecast-baseline/1";
    }

    @Override
    public int inputFeatures() {
        return 1;
    }

    @Override
    public int window() {
        return 1;
    }

    @Override
    public double[] forward(double[][] window) {
        return new double[outputs];
    }
}
