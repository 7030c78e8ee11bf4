package com.klinecast.core.evaluation;

/**
 * A model's and naive's signed errors (forecast minus actual) at one horizon, origin by origin: what the
 * significance tests and the bootstrap resample. Only origins whose actual exists are kept.
 */
public record HorizonErrors(int horizon, int[] origins, double[] model, double[] naive) {

    public int size() {
        return origins.length;
    }
}
