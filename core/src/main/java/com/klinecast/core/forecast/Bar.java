package com.klinecast.core.forecast;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.series.Target;

/** One candle's prices and volume as doubles: what the models read. */
public record Bar(long openTime, double open, double high, double low, double close, double volume) {

    public static Bar of(Candle c) {
        return new Bar(c.openTime(), c.open().doubleValue(), c.high().doubleValue(), c.low().doubleValue(),
                c.close().doubleValue(), c.volume().doubleValue());
    }

    /**
     * The bar a recursive forecast appends after predicting {@code close}: a flat candle at the predicted close
     * with the last known volume (a model that predicts only the close knows nothing better; documented so the
     * backtest and the predictor roll forward identically).
     */
    public Bar next(long openTime, double close) {
        return new Bar(openTime, close, close, close, close, volume);
    }

    /**
     * The bar a recursive forecast of {@code target} appends: {@link #next(long, double)} for the close; for the
     * volume, a flat candle at the last close with the predicted volume (a volume model knows nothing better of the
     * price).
     */
    public Bar next(long openTime, double value, Target target) {
        return target == Target.VOLUME ? new Bar(openTime, close, close, close, close, value) : next(openTime, value);
    }

    /** The value a model of {@code target} forecasts. */
    public double get(Target target) {
        return switch (target) {
            case CLOSE -> close;
            case VOLUME -> volume;
            case VOLATILITY -> throw noColumn();
        };
    }

    /** The input column holding a target's value. */
    public static Column column(Target target) {
        return switch (target) {
            case CLOSE -> Column.CLOSE;
            case VOLUME -> Column.VOLUME;
            case VOLATILITY -> throw noColumn();
        };
    }

    /** A bar's variance needs its whole range ({@code core/volatility}): no single column holds it. */
    private static IllegalArgumentException noColumn() {
        return new IllegalArgumentException("the volatility target is no bar column: see VarianceProxy");
    }

    /** The value of a model input column. */
    public double get(Column column) {
        return switch (column) {
            case OPEN -> open;
            case HIGH -> high;
            case LOW -> low;
            case CLOSE -> close;
            case VOLUME -> volume;
        };
    }

    /** The columns a model can read; the reference design reads all five. */
    public enum Column { OPEN, HIGH, LOW, CLOSE, VOLUME }
}
