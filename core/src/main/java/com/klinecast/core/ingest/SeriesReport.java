package com.klinecast.core.ingest;

import com.klinecast.core.series.Series;
import java.time.Instant;

/**
 * What one invocation did to one series.
 *
 * @param series e.g. {@code BTCUSDT#1d}
 * @param flagged candles written with a quality flag (e.g. shortened by an exchange outage)
 * @param firstOpenTime first candle written by this run (ISO-8601 UTC), or null when none was
 * @param lastOpenTime last candle written by this run, or null
 * @param requests klines pages requested (a page fetched ahead and dropped at a time-out counts too)
 * @param complete whether the series now reaches the present
 * @param message why it stopped, for anything but a plain success
 */
public record SeriesReport(
        String series,
        Status status,
        long candlesWritten,
        long flagged,
        String firstOpenTime,
        String lastOpenTime,
        int requests,
        boolean complete,
        String message) {

    public enum Status {
        /** Reached the present in this run. */
        COMPLETE,
        /** The backfill had already completed earlier; nothing to do. */
        ALREADY_COMPLETE,
        /** Stopped before the time-out; the next run resumes from the watermark. */
        PARTIAL,
        /** An error stopped it; the watermark marks what was written, so a rerun resumes there. */
        FAILED,
        /** The daily job found no watermark: the series must be backfilled first. */
        NOT_BACKFILLED
    }

    static SeriesReport of(Series series, Status status, Progress p, boolean complete, String message) {
        return new SeriesReport(series.id(), status, p.written, p.flagged, iso(p.first), iso(p.last), p.requests, complete,
                message);
    }

    private static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    /** Counters of one run, filled in as pages are written. */
    static final class Progress {
        long written;
        long flagged;
        Long first;
        Long last;
        int requests;
    }
}
