package com.klinecast.predict.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.series.Series;
import com.klinecast.predict.forecast.CandleHistory;
import com.klinecast.standins.replay.ReplayClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One read of the feature table per series and close, whatever the number of requests in between. */
class CachedCandleHistoryTest {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final Series BTC_1H = Series.of("BTCUSDT", "1h");
    private static final long DAY = 86_400_000L;

    /** A feature table that counts its reads and holds daily candles up to a settable last one. */
    private static final class CountingStore implements CandleHistory {
        int reads;
        Instant lastOpen;

        @Override
        public List<Candle> latest(Series series, int n) {
            reads++;
            List<Candle> out = new ArrayList<>();
            long length = series.interval().approximateMillis();
            for (int i = n - 1; i >= 0; i--) {
                long open = lastOpen.toEpochMilli() - i * length;
                BigDecimal c = BigDecimal.valueOf(100 + i);
                out.add(new Candle(open, c, c, c, c, BigDecimal.ONE, open + length - 1, BigDecimal.ONE, 1,
                        BigDecimal.ONE, BigDecimal.ONE));
            }
            return out;
        }
    }

    private final ReplayClock clock = ReplayClock.fixedAt(Instant.parse("2025-07-01T00:07:00Z"));
    private final CountingStore store = new CountingStore();
    private final CachedCandleHistory cached = new CachedCandleHistory(store, clock);

    @Test
    void readsOncePerCloseAndAgainOnceTheNextCandleClosed() {
        store.lastOpen = Instant.parse("2025-06-30T00:00:00Z");    // the newest closed daily candle

        for (int i = 0; i < 100; i++) {
            cached.latest(BTC_1D, 50);
            clock.set(clock.instant().plusSeconds(600));            // requests all day long
        }
        assertEquals(1, store.reads, "one read for the day's requests");

        clock.set(Instant.parse("2025-07-02T00:00:01Z"));           // the 07-01 candle has closed
        store.lastOpen = Instant.parse("2025-07-01T00:00:00Z");
        List<Candle> after = cached.latest(BTC_1D, 50);

        assertEquals(2, store.reads);
        assertEquals(store.lastOpen.toEpochMilli(), after.get(after.size() - 1).openTime(), "the new candle served");
    }

    @Test
    void candlesBehindTheNewestCloseAreReadAgainAfterTheRetryNotOnEveryRequest() {
        clock.set(Instant.parse("2025-07-01T00:00:10Z"));           // closed, but ingest writes it at 00:05
        store.lastOpen = Instant.parse("2025-06-29T00:00:00Z");

        cached.latest(BTC_1D, 50);
        cached.latest(BTC_1D, 50);
        assertEquals(1, store.reads);

        clock.set(clock.instant().plus(CachedCandleHistory.RETRY));
        store.lastOpen = Instant.parse("2025-06-30T00:00:00Z");     // ingest caught up
        assertEquals(store.lastOpen.toEpochMilli(), last(cached.latest(BTC_1D, 50)));
        assertEquals(2, store.reads);

        clock.set(Instant.parse("2025-07-01T23:59:59Z"));
        cached.latest(BTC_1D, 50);
        assertEquals(2, store.reads, "now current: kept until the next close");
    }

    @Test
    void eachSeriesAndLengthIsKeptApartAndAnHourlySeriesExpiresHourly() {
        store.lastOpen = Instant.parse("2025-06-30T23:00:00Z");
        clock.set(Instant.parse("2025-07-01T00:10:00Z"));

        cached.latest(BTC_1H, 50);
        cached.latest(BTC_1H, 50);
        cached.latest(BTC_1H, 24);
        assertEquals(2, store.reads, "one read per (series, length)");

        clock.set(Instant.parse("2025-07-01T01:00:00Z"));
        store.lastOpen = Instant.parse("2025-07-01T00:00:00Z");
        cached.latest(BTC_1H, 50);
        assertEquals(3, store.reads, "the 00:00 hour closed at 01:00");
    }

    @Test
    void weeklyAndMonthlyCandlesCloseOnBinancesBoundaries() {
        Instant wednesday = Instant.parse("2025-07-02T12:00:00Z");
        assertEquals(Instant.parse("2025-07-07T00:00:00Z"),
                CandleClock.nextClose(com.klinecast.core.series.Interval.W1, wednesday), "a Monday");
        assertEquals(Instant.parse("2025-08-01T00:00:00Z"),
                CandleClock.nextClose(com.klinecast.core.series.Interval.MONTH1, wednesday));
        assertEquals(Instant.parse("2025-07-03T00:00:00Z"),
                CandleClock.nextClose(com.klinecast.core.series.Interval.D1, wednesday));
        assertEquals(DAY, CandleClock.nextClose(com.klinecast.core.series.Interval.D1, wednesday).toEpochMilli()
                - CandleClock.openAt(com.klinecast.core.series.Interval.D1, wednesday));
    }

    private static long last(List<Candle> candles) {
        return candles.get(candles.size() - 1).openTime();
    }
}
