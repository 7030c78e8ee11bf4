package com.klinecast.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.klinecast.core.candle.Candle;
import com.klinecast.core.features.FeatureRow;
import com.klinecast.core.series.Series;
import com.klinecast.core.testing.IngestFixture;
import com.klinecast.standins.lambda.LocalContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;

/**
 * The backfill the fault tests break in every way: BTCUSDT 1d from 2022-06-01, 1,126 candles, a full page and a
 * short one (so faults land mid-history and at its end), 46 BatchWriteItem calls, watermark and catalog writes
 * after each page.
 */
final class RecentBtcDays {

    static final Series SERIES = Series.of("BTCUSDT", "1d");
    static final Instant EVENT_TIME = Instant.parse("2025-07-01T00:05:00Z");
    private static final Map<String, Object> DETAIL = Map.of("symbols", List.of("BTCUSDT"), "intervals",
            List.of("1d"), "from", "2022-06-01");

    private RecentBtcDays() {
    }

    static ScheduledEvent event() {
        ScheduledEvent event = new ScheduledEvent();
        event.setTime(new DateTime(EVENT_TIME.toEpochMilli()));
        event.setDetail(DETAIL);
        return event;
    }

    static Context context() {
        return LocalContext.withTimeout("IngestFunction", Duration.ofMinutes(15), LocalContext.quietLogger());
    }

    /** The series' candles in {@code table}, in order. */
    static List<Candle> candles(IngestFixture fixture, String table) {
        return fixture.rows(table, SERIES).stream().map(FeatureRow::candle).toList();
    }
}
