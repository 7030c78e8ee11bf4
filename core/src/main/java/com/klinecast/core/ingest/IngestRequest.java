package com.klinecast.core.ingest;

import com.klinecast.core.series.Series;
import java.time.Instant;
import java.util.List;

/**
 * One invocation's work.
 *
 * @param from where a series with no watermark starts (Binance answers from its first candle on or after it)
 * @param now the invocation's clock: candles closing after it are not stored
 */
public record IngestRequest(List<Series> series, Instant from, Instant now) {

    public IngestRequest {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no series to ingest");
        }
        series = List.copyOf(series);
    }
}
