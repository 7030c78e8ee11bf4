package com.klinecast.core.ingest;

import com.klinecast.core.series.Series;

/** Progress of a backfill, for a terminal progress bar or logs. */
public interface IngestListener {

    IngestListener NONE = new IngestListener() {
    };

    /** A series starts at {@code startTime}; about {@code expectedCandles} are to come (an estimate). */
    default void started(Series series, long startTime, long expectedCandles) {
    }

    /** A page was written and the watermark moved to {@code lastOpenTime}. */
    default void pageWritten(Series series, int candles, long lastOpenTime, long writtenSoFar) {
    }

    default void finished(SeriesReport report) {
    }
}
