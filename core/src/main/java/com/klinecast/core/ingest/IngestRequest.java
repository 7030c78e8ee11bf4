package com.klinecast.core.ingest;

import com.klinecast.core.series.Series;
import java.time.Instant;
import java.util.List;

/**
 * One invocation's work; no series (an empty catalog) is no work.
 *
 * @param from where a series with no watermark starts (Binance answers from its first candle on or after it)
 * @param now the invocation's clock: candles closing after it are not stored
 */
public record IngestRequest(List<Series> series, Instant from, Instant now) {

    public IngestRequest {
        series = List.copyOf(series);
    }
}
