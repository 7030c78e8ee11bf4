package com.klinecast.core.forecast;

/**
 * The "network" of a baseline: whatever the window, every output is 0, the scaled value that a
 * {@link LogReturns} scaling turns into the last close times exp(h × its target mean). With the mean set to 0 that
 * is the naive forecast; with the training split's mean log return, drift. So baselines run through the same
 * {@link Forecaster} as trained networks.
 */
record BaselineNetwork(int outputs) implements StepModel {

    @Override
    public double[] predict(double[][] window) {
        return new double[outputs];
    }
}
