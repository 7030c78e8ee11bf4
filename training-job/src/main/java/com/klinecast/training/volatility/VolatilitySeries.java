package com.klinecast.training.volatility;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.volatility.RealizedVariance;
import com.klinecast.core.volatility.VarianceProxy;
import com.klinecast.training.job.SeriesBars;
import java.util.ArrayList;
import java.util.List;

/**
 * A series' bars and their daily variances as a volatility run measures them: for a 1d series, the days the table
 * holds all 24 of the symbol's 1h candles for are measured from those hours ({@link RealizedVariance}), the others
 * from their own candle.
 */
public record VolatilitySeries(List<Bar> bars, List<Bar> hourly, RealizedVariance.Days days) {

    public VolatilitySeries {
        bars = List.copyOf(bars);
        hourly = List.copyOf(hourly);
    }

    public static VolatilitySeries read(FeatureTable features, Series series, VarianceProxy proxy) {
        List<Bar> bars = SeriesBars.read(features, series);
        List<Bar> hourly = new ArrayList<>();
        if (series.interval() == Interval.D1) {
            features.forEach(new Series(series.symbol(), Interval.H1), 0, Long.MAX_VALUE,
                    candle -> hourly.add(Bar.of(candle)));
        }
        return of(bars, hourly, proxy);
    }

    public static VolatilitySeries of(List<Bar> bars, List<Bar> hourly, VarianceProxy proxy) {
        return new VolatilitySeries(bars, hourly, RealizedVariance.of(proxy, bars, hourly));
    }

    public double[] variance() {
        return days.variance();
    }

    /** Whether any day was measured from its hours: then every later read must use the hours too. */
    public boolean realized() {
        return days.realized() > 0;
    }

    public long[] openTimes() {
        return bars.stream().mapToLong(Bar::openTime).toArray();
    }
}
