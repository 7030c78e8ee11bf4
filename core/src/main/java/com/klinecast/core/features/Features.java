package com.klinecast.core.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The derived features of one candle, feature set {@link FeatureSet#VERSION}. A feature whose window is not yet
 * full (the first candles of a series) is null, never zero: {@link #warm()} tells whether every one is present.
 * Windows count candles, not calendar time: across an exchange outage, the previous candle is the one before it.
 *
 * @param logReturn ln(close / previous close)
 * @param return3 close / close 3 candles back - 1
 * @param return7 close / close 7 candles back - 1
 * @param sma7 mean close of the last 7 candles
 * @param sma30 mean close of the last 30 candles
 * @param volatility30 sample standard deviation of the last 30 log returns
 * @param range (high - low) / close
 * @param volumeRatio30 volume / mean volume of the last 30 candles
 * @param rsi14 relative strength index over the last 14 changes (simple averages: a window, not a recursion)
 */
public record Features(
        Double logReturn,
        Double return3,
        Double return7,
        Double sma7,
        Double sma30,
        Double volatility30,
        Double range,
        Double volumeRatio30,
        Double rsi14) {

    /** Every feature is present: all windows were full. */
    public boolean warm() {
        return asMap().values().stream().allMatch(v -> v != null);
    }

    /** Name to value, in {@link FeatureSet#NAMES} order; absent features map to null. */
    public Map<String, Double> asMap() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("logReturn", logReturn);
        values.put("return3", return3);
        values.put("return7", return7);
        values.put("sma7", sma7);
        values.put("sma30", sma30);
        values.put("volatility30", volatility30);
        values.put("range", range);
        values.put("volumeRatio30", volumeRatio30);
        values.put("rsi14", rsi14);
        return values;
    }

    public static Features fromMap(Map<String, Double> values) {
        return new Features(values.get("logReturn"), values.get("return3"), values.get("return7"), values.get("sma7"),
                values.get("sma30"), values.get("volatility30"), values.get("range"), values.get("volumeRatio30"),
                values.get("rsi14"));
    }
}
