package com.klinecast.core.volatility;

/**
 * A model's forecasts from consecutive origins: {@code means[k][h - 1]} is the mean variance it forecast over the
 * h days after {@code origins[k]}.
 */
public record VolatilityForecasts(int[] origins, double[][] means) {

    /** Forecasts from every origin in [fromOrigin, toOrigin) with the history the model needs. */
    public static VolatilityForecasts of(VolatilityModel model, double[] variance, int fromOrigin, int toOrigin,
            int maxHorizon) {
        int first = Math.max(fromOrigin, model.history() - 1);
        int n = Math.max(0, toOrigin - first);
        int[] origins = new int[n];
        double[][] means = new double[n][];
        for (int k = 0; k < n; k++) {
            origins[k] = first + k;
            means[k] = model.forecast(variance, origins[k], maxHorizon);
        }
        return new VolatilityForecasts(origins, means);
    }

    /** What the forecast at h is judged against: the mean variance over days origin+1 .. origin+h. */
    public static double actual(double[] variance, int origin, int h) {
        return VolatilityModel.mean(variance, origin + 1, origin + h);
    }

    public int maxHorizon() {
        return means.length == 0 ? 0 : means[0].length;
    }
}
