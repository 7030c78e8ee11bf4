package com.klinecast.core.evaluation;

/** Forecasts made from each origin: {@code closes[k][h - 1]} is the close predicted h steps after origins[k]. */
public record Forecasts(int[] origins, double[][] closes) {

    public int maxHorizon() {
        return closes.length == 0 ? 0 : closes[0].length;
    }
}
