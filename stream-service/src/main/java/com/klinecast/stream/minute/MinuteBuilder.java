package com.klinecast.stream.minute;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.series.Interval;
import com.klinecast.stream.trade.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/**
 * The trades of one open minute. Open and close are the trades with the lowest and highest id, not the first and
 * last to arrive, so out-of-order delivery builds the same minute; sums are exact decimals, so a day of minutes
 * adds up to the daily kline exactly.
 */
final class MinuteBuilder {

    static final int MEAN_SCALE = 8;

    private final String symbol;
    private final long openTime;
    private final Set<Long> ids = new HashSet<>();
    private Trade first;
    private Trade last;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal volume = BigDecimal.ZERO;
    private BigDecimal quoteVolume = BigDecimal.ZERO;
    private BigDecimal takerBuyVolume = BigDecimal.ZERO;
    private BigDecimal takerBuyQuoteVolume = BigDecimal.ZERO;
    private BigDecimal priceSum = BigDecimal.ZERO;
    private boolean incomplete;

    MinuteBuilder(String symbol, long openTime) {
        this.symbol = symbol;
        this.openTime = openTime;
    }

    /** Adds a trade of this minute; false for a trade id already counted. */
    boolean add(Trade trade) {
        if (!ids.add(trade.id())) {
            return false;
        }
        if (first == null || trade.id() < first.id()) {
            first = trade;
        }
        if (last == null || trade.id() > last.id()) {
            last = trade;
        }
        high = high == null ? trade.price() : high.max(trade.price());
        low = low == null ? trade.price() : low.min(trade.price());
        BigDecimal quote = trade.quoteQuantity();
        volume = volume.add(trade.quantity());
        quoteVolume = quoteVolume.add(quote);
        if (!trade.buyerMaker()) {
            takerBuyVolume = takerBuyVolume.add(trade.quantity());
            takerBuyQuoteVolume = takerBuyQuoteVolume.add(quote);
        }
        priceSum = priceSum.add(trade.price());
        return true;
    }

    void markIncomplete() {
        incomplete = true;
    }

    long openTime() {
        return openTime;
    }

    long firstId() {
        return first.id();
    }

    long lastId() {
        return last.id();
    }

    /** Whether the ids counted are consecutive: none missing between the lowest and the highest. */
    boolean contiguous() {
        return last.id() - first.id() + 1 == ids.size();
    }

    MinuteBar build() {
        Candle candle = new Candle(openTime, first.price(), high, low, last.price(), volume,
                Interval.M1.fullCloseTime(openTime), quoteVolume, ids.size(), takerBuyVolume, takerBuyQuoteVolume);
        BigDecimal mean = priceSum.divide(BigDecimal.valueOf(ids.size()), MEAN_SCALE, RoundingMode.HALF_EVEN);
        return new MinuteBar(symbol, candle, mean, incomplete);
    }
}
