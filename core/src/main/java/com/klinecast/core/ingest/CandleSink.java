package com.klinecast.core.ingest;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.series.Series;
import java.util.List;

/** Where feature rows go, and the stored candles their features depend on. */
public interface CandleSink {

    /**
     * Returns once every row is durably written, or throws; it never drops some silently. Writing a row again
     * with the same values changes nothing (idempotent upsert).
     */
    void write(Series series, List<FeatureRow> rows);

    /** The latest {@code n} stored candles opening before {@code openTime}, oldest first. */
    List<Candle> history(Series series, long openTime, int n);

    /** The rows stored with {@code from <= openTime <= to}, read back from the store (not from what was sent). */
    StoredRange stored(Series series, long from, long to);
}
