package com.klinecast.predict.forecast;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.series.Series;
import java.util.List;

/** The latest closed candles of a series, oldest first (the feature table: one query on the sort key). */
@FunctionalInterface
public interface CandleHistory {

    List<Candle> latest(Series series, int n);
}
