package com.klinecast.core.ingest;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.series.Series;
import java.util.List;

/** Where candles go. Writing a candle again with the same values changes nothing (idempotent upsert). */
public interface CandleSink {

    /** Returns once every candle is durably written, or throws; it never drops some silently. */
    void write(Series series, List<Candle> candles);
}
