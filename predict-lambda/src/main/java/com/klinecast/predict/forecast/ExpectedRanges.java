package com.klinecast.predict.forecast;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Series;
import java.util.List;

/** Where a close forecast's expected ranges come from: the volatility champion, when the series has one. */
@FunctionalInterface
public interface ExpectedRanges {

    /** None: no series has a volatility model. */
    ExpectedRanges NONE = (series, bars, closes) -> null;

    /** Per step, the ±1σ range around each forecast close; null when there is no volatility model to give one. */
    ExpectedRange[] around(Series series, List<Bar> bars, double[] closes);
}
