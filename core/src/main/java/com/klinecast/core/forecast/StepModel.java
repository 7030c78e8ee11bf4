package com.klinecast.core.forecast;

/**
 * A trained network seen from outside: one scaled input window (timesteps × columns) in, its scaled outputs out.
 * The training job wraps Deeplearning4j in it; the predictor wraps the portable plain-Java network.
 */
@FunctionalInterface
public interface StepModel {

    double[] predict(double[][] window);
}
