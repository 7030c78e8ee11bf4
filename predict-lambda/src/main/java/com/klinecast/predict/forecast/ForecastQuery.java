package com.klinecast.predict.forecast;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.util.OptionalInt;

/**
 * A validated forecast request: the series, what to forecast (close or volume, each with its own models), how many
 * steps (intervals) ahead (the API's {@code days}), and a pinned version or the champion.
 */
public record ForecastQuery(Series series, Target target, int steps, OptionalInt version) {
}
