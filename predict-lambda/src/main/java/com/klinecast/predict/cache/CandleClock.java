package com.klinecast.predict.cache;

import com.klinecast.core.series.Interval;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Where a moment falls among a series' candles: Binance's boundaries (UTC; weeks start on Monday). */
final class CandleClock {

    /** 1970-01-01 was a Thursday; Binance's weekly candles open on Mondays, the first on 1970-01-05. */
    private static final long FIRST_MONDAY = 4 * 86_400_000L;

    private CandleClock() {
    }

    /** Open time of the candle still open at {@code now}. */
    static long openAt(Interval interval, Instant now) {
        long t = now.toEpochMilli();
        if (interval == Interval.MONTH1) {
            ZonedDateTime month = now.atZone(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC);
            return month.toInstant().toEpochMilli();
        }
        long length = interval.approximateMillis();
        long offset = interval == Interval.W1 ? FIRST_MONDAY : 0;
        return Math.floorDiv(t - offset, length) * length + offset;
    }

    /** When the candle open at {@code now} closes, and a series of this interval can next gain a candle. */
    static Instant nextClose(Interval interval, Instant now) {
        return Instant.ofEpochMilli(interval.nextOpenTime(openAt(interval, now)));
    }

    /** Whether a candle opened at {@code openTime} is the newest closed one at {@code now}. */
    static boolean newestClosed(Interval interval, long openTime, Instant now) {
        return interval.nextOpenTime(openTime) >= openAt(interval, now);
    }
}
