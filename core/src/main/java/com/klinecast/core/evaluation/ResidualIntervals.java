package com.klinecast.core.evaluation;

import com.klinecast.core.forecast.Bar;
import java.util.Arrays;
import java.util.List;

/**
 * 80% prediction intervals from the model's own errors on the validation split: per horizon, the 10th and 90th
 * percentiles of log(actual / predicted). Fitted on validation origins only, judged on test.
 */
public record ResidualIntervals(double[] low, double[] high) {

    /**
     * @param targetEnd exclusive bound on the bars a residual may compare with: the end of the validation split,
     *     so that no test close leaks into the intervals through a long horizon
     */
    public static ResidualIntervals fit(List<Bar> bars, Forecasts validation, int targetEnd) {
        int maxH = validation.maxHorizon();
        double[] low = new double[maxH];
        double[] high = new double[maxH];
        for (int h = 1; h <= maxH; h++) {
            double[] logRatios = new double[validation.origins().length];
            int n = 0;
            for (int k = 0; k < validation.origins().length; k++) {
                int target = validation.origins()[k] + h;
                if (target < Math.min(targetEnd, bars.size())) {
                    double actual = bars.get(target).get(validation.target());
                    logRatios[n++] = Math.log(actual / validation.closes()[k][h - 1]);
                }
            }
            if (n == 0) {
                throw new IllegalArgumentException("no validation origin reaches horizon " + h);
            }
            double[] sorted = Arrays.copyOf(logRatios, n);
            Arrays.sort(sorted);
            low[h - 1] = quantile(sorted, 0.1);
            high[h - 1] = quantile(sorted, 0.9);
        }
        return new ResidualIntervals(low, high);
    }

    public double lowerBound(int horizon, double predicted) {
        return predicted * Math.exp(low[horizon - 1]);
    }

    public double upperBound(int horizon, double predicted) {
        return predicted * Math.exp(high[horizon - 1]);
    }

    /** Linear interpolation between order statistics. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
