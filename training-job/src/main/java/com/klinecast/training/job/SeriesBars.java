package com.klinecast.training.job;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.FeatureTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A series' bars from the feature table, oldest first: what training, tuning and the results table start from. */
public final class SeriesBars {

    private SeriesBars() {
    }

    public static List<Bar> read(FeatureTable features, Series series) {
        return read(features, series, null);
    }

    /** The bars opening at or after {@code from} (all when null): older ones are never read into memory. */
    public static List<Bar> read(FeatureTable features, Series series, Instant from) {
        List<Bar> bars = new ArrayList<>();
        features.forEach(series, from == null ? 0 : from.toEpochMilli(), Long.MAX_VALUE,
                candle -> bars.add(Bar.of(candle)));
        if (bars.isEmpty()) {
            throw new IllegalArgumentException(series + " has no candles in the feature table"
                    + (from == null ? ": ingest it first" : " from " + from));
        }
        return bars;
    }
}
