package com.klinecast.core.features;

import java.util.List;

/**
 * The feature set's identity. Change a definition in {@link FeatureEngine}, and bump {@link #VERSION}: rows carry
 * the version they were computed with, and {@code klinecast features --recompute} rewrites a series at the new one.
 */
public final class FeatureSet {

    /** Version 1: the nine features of {@link Features}. */
    public static final int VERSION = 1;

    public static final List<String> NAMES = List.of("logReturn", "return3", "return7", "sma7", "sma30",
            "volatility30", "range", "volumeRatio30", "rsi14");

    /** Candles before t that the widest window needs (30 log returns need 31 closes). */
    public static final int LOOKBACK = 30;

    private FeatureSet() {
    }
}
