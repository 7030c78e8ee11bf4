package com.klinecast.predict.forecast;

import com.klinecast.core.candle.Candle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

/**
 * The decimals a symbol's prices (or volumes) are quoted in, read off its candles: exchange prices are multiples
 * of the tick size, so the most decimals any recent candle shows is the tick's (2 for the USDT pairs). Forecasts
 * are rounded to it, as the page shows them; a model's output has no more precision than the market's.
 */
final class TickSize {

    /** Binance quotes no finer than 8 decimals. */
    private static final int MAX_DECIMALS = 8;

    private final int decimals;

    private TickSize(int decimals) {
        this.decimals = decimals;
    }

    static TickSize ofPrices(List<Candle> candles) {
        return of(candles, c -> new BigDecimal[] {c.open(), c.high(), c.low(), c.close()});
    }

    static TickSize ofVolumes(List<Candle> candles) {
        return of(candles, c -> new BigDecimal[] {c.volume()});
    }

    private static TickSize of(List<Candle> candles, Function<Candle, BigDecimal[]> values) {
        int decimals = 0;
        for (Candle c : candles) {
            for (BigDecimal v : values.apply(c)) {
                decimals = Math.max(decimals, v.stripTrailingZeros().scale());
            }
        }
        return new TickSize(Math.min(MAX_DECIMALS, decimals));
    }

    int decimals() {
        return decimals;
    }

    double round(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    Double round(Double value) {
        return value == null ? null : round(value.doubleValue());
    }
}
