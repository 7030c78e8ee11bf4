package com.klinecast.core.volatility;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Series;
import java.util.List;
import java.util.Optional;

/**
 * How a volatility version measures a day's variance: by {@code proxy} from the daily candle, or, when
 * {@code realized}, from the day's 24 hourly candles where all are held ({@link RealizedVariance}). The predict
 * function and the forecast ledger both read days through it, so a recorded forecast is scored by the measure it
 * forecast.
 */
public record VarianceMeasure(VarianceProxy proxy, boolean realized) {

    /** The daily variances of {@code daily}, from {@code hourly} where this measure uses hours (else ignored). */
    public double[] of(List<Bar> daily, List<Bar> hourly) {
        return realized ? RealizedVariance.of(proxy, daily, hourly).variance() : proxy.of(daily);
    }

    /** The 1h series whose candles it reads for {@code series}' days: none unless realized and daily. */
    public Optional<Series> hours(Series series) {
        return realized && series.interval() == Interval.D1
                ? Optional.of(new Series(series.symbol(), Interval.H1)) : Optional.empty();
    }

    /** {@code parkinson}, or {@code parkinson+1h} when days are measured from their hours. */
    @Override
    public String toString() {
        return proxy.code() + (realized ? "+" + PublishedVolatility.REALIZED_1H : "");
    }
}
