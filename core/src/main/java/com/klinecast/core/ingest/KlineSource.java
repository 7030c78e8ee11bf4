package com.klinecast.core.ingest;

import com.klinecast.core.series.Series;

/** Where candles come from: Binance in production, the replay server locally. */
public interface KlineSource {

    /**
     * The next page of candles opening at or after {@code startTime}, oldest first, with only the candles closed
     * at {@code nowMillis} (the invocation's "now": the event time, so a replayed day behaves like the real one).
     */
    KlinePage fetch(Series series, long startTime, long nowMillis);

    /** What fetching {@code series} cost at the exchange since the last call for it; the counters start again. */
    default ExchangeUsage drainUsage(Series series) {
        return ExchangeUsage.NONE;
    }
}
