package com.klinecast.core.volatility;

/**
 * A volatility model's backtest at one horizon beside naive volatility (the last day's variance repeated) on the
 * same origins.
 *
 * @param qlikeRatio mean QLIKE over naive's: below 1 beats naive
 * @param mseRatio mean squared error over naive's
 * @param dmPValue one-sided HLN-DM p-value of "the model's QLIKE losses are smaller than naive's" (NaN with
 *     fewer than 2 origins)
 */
public record VolatilityMetrics(int horizon, int origins, double qlike, double mse, double naiveQlike,
        double naiveMse, double qlikeRatio, double mseRatio, double dmPValue) {
}
