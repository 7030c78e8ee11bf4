package com.klinecast.core.volatility;

/**
 * Losses of a variance forecast against the realized proxy. QLIKE is robust to the noise in the proxy (Patton
 * 2011: it ranks forecasts as the true variance would) and punishes forecasting too little more than too much,
 * as a band does; MSE is reported beside it, dominated by the largest days.
 */
public final class VolatilityLoss {

    private VolatilityLoss() {
    }

    /** actual / forecast − ln(actual / forecast) − 1: zero for a perfect forecast, positive otherwise. */
    public static double qlike(double actual, double forecast) {
        double ratio = actual / forecast;
        return ratio - Math.log(ratio) - 1;
    }

    public static double squared(double actual, double forecast) {
        double e = forecast - actual;
        return e * e;
    }
}
