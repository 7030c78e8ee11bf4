package com.klinecast.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.ingest.SeriesReport.Status;
import com.klinecast.core.series.Series;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backfill rules with a stub source and stores: watermark, resume, deadline, failures. */
class IngestServiceTest {

    private static final Series SERIES = Series.of("BTCUSDT", "1d");
    private static final long DAY = 86_400_000L;
    private static final Instant NOW = Instant.ofEpochMilli(2500 * DAY + DAY / 2);

    /** 2,500 daily candles from day 0; the one open at NOW is served too, as Binance does. */
    private static final class StubSource implements KlineSource {
        int requests;
        int failOnRequest = -1;
        long impossibleAt = -1;

        @Override
        public KlinePage fetch(Series series, long startTime, long nowMillis) {
            requests++;
            if (requests == failOnRequest) {
                throw new com.klinecast.core.binance.BinanceExceptionForTests().get();
            }
            List<Candle> all = new ArrayList<>();
            int received = 0;
            for (long t = ((startTime + DAY - 1) / DAY) * DAY; t <= nowMillis && received < 1000; t += DAY) {
                received++;
                Candle c = t == impossibleAt ? impossible(t) : candle(t);
                if (c.isClosedAt(nowMillis)) {
                    all.add(c);
                }
            }
            return new KlinePage(all, received, received < 1000 || all.size() < received);
        }
    }

    /** High below the close: no exchange can print that. */
    private static Candle impossible(long openTime) {
        Candle c = candle(openTime);
        return new Candle(openTime, c.open(), c.high().subtract(BigDecimal.TEN), c.low(), c.close(), c.volume(),
                c.closeTime(), c.quoteVolume(), c.trades(), c.takerBuyBaseVolume(), c.takerBuyQuoteVolume());
    }

    private static Candle candle(long openTime) {
        BigDecimal p = BigDecimal.valueOf(100 + openTime / DAY);
        return new Candle(openTime, p, p, p, p, BigDecimal.ONE, openTime + DAY - 1, p, 1, BigDecimal.ONE, p);
    }

    private final StubSource source = new StubSource();
    private final InMemoryStores stores = new InMemoryStores();

    private IngestService service() {
        return new IngestService(source, stores, stores, Duration.ofSeconds(10), IngestListener.NONE);
    }

    private SeriesReport run(Deadline deadline) {
        return service().run(new IngestRequest(List.of(SERIES), Instant.EPOCH, NOW), deadline).series().get(0);
    }

    @Test
    void writesEveryClosedCandleAndMarksTheSeriesComplete() {
        SeriesReport report = run(Deadline.NONE);

        assertEquals(Status.COMPLETE, report.status());
        assertEquals(2500, report.candlesWritten());
        assertEquals(3, report.requests());
        assertEquals(2500, stores.candles.get(SERIES.id()).size());
        assertEquals(2499 * DAY, stores.states.get(SERIES.id()).lastOpenTime());
        assertTrue(stores.states.get(SERIES.id()).complete());
    }

    @Test
    void aSecondRunAfterCompletionDoesNothing() {
        run(Deadline.NONE);
        int requests = source.requests;

        SeriesReport again = run(Deadline.NONE);

        assertEquals(Status.ALREADY_COMPLETE, again.status());
        assertEquals(0, again.candlesWritten());
        assertEquals(requests, source.requests);
    }

    @Test
    void syncBackfillsANewSeriesThenCatchesItUp() {
        IngestRequest first = new IngestRequest(List.of(SERIES), Instant.EPOCH, NOW.minus(Duration.ofDays(10)));
        SeriesReport backfill = service().run(IngestService.Mode.SYNC, first, Deadline.NONE).series().get(0);
        assertEquals(Status.COMPLETE, backfill.status());
        assertEquals(2490, backfill.candlesWritten());

        SeriesReport caughtUp = service().run(IngestService.Mode.SYNC,
                new IngestRequest(List.of(SERIES), Instant.EPOCH, NOW), Deadline.NONE).series().get(0);

        assertEquals(Status.COMPLETE, caughtUp.status(), "a complete backfill is caught up, not ALREADY_COMPLETE");
        assertEquals(10, caughtUp.candlesWritten());
        assertEquals(2500, stores.candles.get(SERIES.id()).size());
    }

    @Test
    void stopsBeforeTheDeadlineAndTheNextRunResumesFromTheWatermark() {
        // 25 s left, 10 s margin, each page "costs" 10 s: one page, then stop.
        long[] remaining = {25_000};
        Deadline shrinking = () -> {
            long left = remaining[0];
            remaining[0] -= 10_000;
            return left;
        };

        SeriesReport first = run(shrinking);

        assertEquals(Status.PARTIAL, first.status());
        assertFalse(first.complete());
        assertEquals(2000, first.candlesWritten());
        assertEquals(1999 * DAY, stores.states.get(SERIES.id()).lastOpenTime());

        SeriesReport second = run(Deadline.NONE);

        assertEquals(Status.COMPLETE, second.status());
        assertEquals(500, second.candlesWritten());
        assertEquals(Instant.ofEpochMilli(2000 * DAY).toString(), second.firstOpenTime());
        assertEquals(2500, stores.candles.get(SERIES.id()).size());
    }

    @Test
    void aStoreFailureLeavesTheWatermarkAtTheLastWrittenPage() {
        stores.failWritesAfter = 1;

        SeriesReport failed = run(Deadline.NONE);

        assertEquals(Status.FAILED, failed.status());
        assertTrue(failed.message().contains("injected store failure"), failed.message());
        assertTrue(failed.message().contains("a rerun resumes after the candle opened at " + Instant.ofEpochMilli(999 * DAY)),
                failed.message());
        assertEquals(999 * DAY, stores.states.get(SERIES.id()).lastOpenTime());

        stores.failWritesAfter = Integer.MAX_VALUE;
        assertEquals(Status.COMPLETE, run(Deadline.NONE).status());
        assertEquals(2500, stores.candles.get(SERIES.id()).size());
    }

    @Test
    void anImpossibleCandleRejectsItsPageAndTheWatermarkStaysBeforeIt() {
        source.impossibleAt = 1500 * DAY;

        SeriesReport failed = run(Deadline.NONE);

        assertEquals(Status.FAILED, failed.status());
        assertTrue(failed.message().contains("do not enclose"), failed.message());
        assertEquals(1000, stores.candles.get(SERIES.id()).size(), "only the first page, not a row of the second");
        assertEquals(999 * DAY, stores.states.get(SERIES.id()).lastOpenTime());
    }

    @Test
    void writesFeaturesWithEachCandleAndMarksTheFirstRowsNotWarm() {
        run(Deadline.NONE);

        var rows = stores.candles.get(SERIES.id());
        assertFalse(rows.get(29 * DAY).features().warm());
        assertTrue(rows.get(30 * DAY).features().warm());
        assertEquals(1, rows.get(0L).featureVersion());
    }

    @Test
    void anExchangeFailureBeforeAnyWriteWritesNothing() {
        source.failOnRequest = 1;

        SeriesReport failed = run(Deadline.NONE);

        assertEquals(Status.FAILED, failed.status());
        assertTrue(failed.message().endsWith("nothing was written"), failed.message());
        assertNull(stores.states.get(SERIES.id()));
        assertTrue(stores.candles.isEmpty());
    }
}
