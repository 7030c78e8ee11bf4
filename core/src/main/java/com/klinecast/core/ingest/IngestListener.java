package com.klinecast.core.ingest;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.series.Series;
import java.util.List;

/** Progress of a backfill, for a terminal progress bar or logs. */
public interface IngestListener {

    IngestListener NONE = new IngestListener() {
    };

    /** A series starts at {@code startTime} and runs up to the invocation's {@code nowMillis}. */
    default void started(Series series, long startTime, long nowMillis) {
    }

    /** A page was written and the watermark moved to its last candle. */
    default void pageWritten(Series series, List<Candle> page, long writtenSoFar) {
    }

    default void finished(SeriesReport report) {
    }
}
