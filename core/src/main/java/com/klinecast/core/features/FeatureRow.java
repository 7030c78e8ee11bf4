package com.klinecast.core.features;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.quality.CandleCheck.Flag;
import java.util.Set;

/** One row of the feature table: the raw candle, its features at a feature-set version, and its quality flags. */
public record FeatureRow(Candle candle, Features features, int featureVersion, Set<Flag> flags) {

    public FeatureRow {
        flags = Set.copyOf(flags);
    }
}
