package com.klinecast.core.quality;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.series.Series;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The checks every candle passes before it is written. Impossible candles (low above the body, high below it,
 * non-positive prices, a close time past the interval's end) are rejected; outage-shortened candles, which Binance
 * really has (BTCUSDT 1d 2018-02-08 closes at 00:28:14.788), are kept and flagged.
 */
public final class CandleCheck {

    /** Something notable about a valid candle. */
    public enum Flag {
        /** Closed before the interval's end: an exchange outage cut it short. */
        SHORTENED
    }

    private CandleCheck() {
    }

    /** The candle's flags; throws {@link InvalidCandleException} for a candle that cannot be real. */
    public static Set<Flag> check(Series series, Candle c) {
        String at = series + " candle " + Instant.ofEpochMilli(c.openTime());
        if (c.low().signum() <= 0) {
            throw new InvalidCandleException(at + ": low " + c.low().toPlainString() + " is not positive");
        }
        BigDecimal bodyLow = c.open().min(c.close());
        BigDecimal bodyHigh = c.open().max(c.close());
        if (c.low().compareTo(bodyLow) > 0 || c.high().compareTo(bodyHigh) < 0) {
            throw new InvalidCandleException(at + ": low " + c.low().toPlainString() + " / high "
                    + c.high().toPlainString() + " do not enclose open " + c.open().toPlainString() + " and close "
                    + c.close().toPlainString());
        }
        if (c.volume().signum() < 0 || c.quoteVolume().signum() < 0 || c.trades() < 0) {
            throw new InvalidCandleException(at + ": negative volume or trade count");
        }
        long fullClose = series.interval().fullCloseTime(c.openTime());
        if (c.closeTime() > fullClose) {
            throw new InvalidCandleException(at + ": closes at " + Instant.ofEpochMilli(c.closeTime())
                    + ", after the interval's end " + Instant.ofEpochMilli(fullClose));
        }
        return c.closeTime() < fullClose ? EnumSet.of(Flag.SHORTENED) : EnumSet.noneOf(Flag.class);
    }
}
