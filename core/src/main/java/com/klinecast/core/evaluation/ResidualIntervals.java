package com.klinecast.core.evaluation;

/**
 * The 80% intervals that versions published before quantile bands carry ({@code metrics.intervals80}): per
 * horizon, the 10th and 90th percentiles of log(actual / predicted) on their validation split. New versions carry
 * a band ({@link com.klinecast.core.bands.Band}) instead; the predictor still serves these for older versions.
 */
public record ResidualIntervals(double[] low, double[] high) {

    public double lowerBound(int horizon, double predicted) {
        return predicted * Math.exp(low[horizon - 1]);
    }

    public double upperBound(int horizon, double predicted) {
        return predicted * Math.exp(high[horizon - 1]);
    }
}
