package com.klinecast.core.ingest;

import com.klinecast.core.series.Series;
import java.time.Instant;

/**
 * Where a series' backfill stands. The watermark {@code lastOpenTime} only moves after every candle up to it
 * is written, so a crash or time-out between the two at worst re-writes one page (writes are idempotent).
 *
 * @param complete the backfill reached the present; the daily job keeps the series current from here
 */
public record IngestState(Series series, long firstOpenTime, long lastOpenTime, boolean complete, Instant updatedAt) {
}
