package com.klinecast.core.ingest;

import com.klinecast.core.candle.Candle;
import java.util.List;

/**
 * One page of klines.
 *
 * @param closed the closed candles of the page, oldest first (the still-open candle is never here)
 * @param received how many klines the exchange sent, open one included
 * @param last whether this page reaches the end of the available history: it was not full, or it held the
 *     open candle (so the next candle has not closed yet)
 */
public record KlinePage(List<Candle> closed, int received, boolean last) {

    public KlinePage {
        closed = List.copyOf(closed);
    }
}
