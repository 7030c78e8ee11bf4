package com.klinecast.predict.forecast;

import com.klinecast.core.series.Series;
import java.util.OptionalInt;

/** A validated forecast request: the series, how many intervals ahead, and a pinned version or the champion. */
public record ForecastQuery(Series series, int days, OptionalInt version) {
}
