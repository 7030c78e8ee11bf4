package com.klinecast.stream.minute;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.series.Interval;
import java.math.BigDecimal;

/**
 * One minute of a symbol built from its trades: Binance's 1m kline fields plus the mean trade price and whether the
 * collector may have missed trades in it.
 *
 * @param meanPrice the unweighted mean of the minute's trade prices (what the reference prototype forecast), rounded
 *     to 8 decimals, Binance's price precision
 * @param incomplete a trade-id gap, a (re)connect or a shutdown inside the minute: the REST 1m kline replaces it
 */
public record MinuteBar(String symbol, Candle candle, BigDecimal meanPrice, boolean incomplete) {

    /** Canonical as the candle's decimals are, so a minute read back from DynamoDB equals the one written. */
    public MinuteBar {
        meanPrice = meanPrice.stripTrailingZeros();
    }

    public long openTime() {
        return candle.openTime();
    }

    /** Minute start of a trade time (epoch ms). */
    public static long minuteOf(long time) {
        return Math.floorDiv(time, Interval.M1.approximateMillis()) * Interval.M1.approximateMillis();
    }
}
