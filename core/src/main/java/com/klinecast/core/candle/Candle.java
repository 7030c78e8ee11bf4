package com.klinecast.core.candle;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One Binance kline with every field but the unused {@code ignore}. Decimals are kept exact and canonical
 * (trailing zeros stripped), so a candle read back from DynamoDB equals the one parsed from Binance's
 * "4261.48000000".
 *
 * @param openTime epoch ms, UTC: the candle's identity within its series
 * @param closeTime epoch ms, UTC: normally the next open minus 1 ms; earlier for outage-shortened candles
 */
public record Candle(
        long openTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        long closeTime,
        BigDecimal quoteVolume,
        long trades,
        BigDecimal takerBuyBaseVolume,
        BigDecimal takerBuyQuoteVolume) {

    public Candle {
        open = canonical(open, "open");
        high = canonical(high, "high");
        low = canonical(low, "low");
        close = canonical(close, "close");
        volume = canonical(volume, "volume");
        quoteVolume = canonical(quoteVolume, "quoteVolume");
        takerBuyBaseVolume = canonical(takerBuyBaseVolume, "takerBuyBaseVolume");
        takerBuyQuoteVolume = canonical(takerBuyQuoteVolume, "takerBuyQuoteVolume");
        if (closeTime < openTime) {
            throw new IllegalArgumentException("candle closes (" + closeTime + ") before it opens (" + openTime + ")");
        }
    }

    /** A candle is closed once its close time has passed; until then its values still change. */
    public boolean isClosedAt(long nowMillis) {
        return closeTime < nowMillis;
    }

    private static BigDecimal canonical(BigDecimal value, String field) {
        Objects.requireNonNull(value, field);
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
