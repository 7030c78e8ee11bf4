package com.klinecast.predict.served;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.catalog.SeriesCatalog;
import com.klinecast.core.series.Series;
import com.klinecast.core.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServedSeriesTest {

    private static final Series BTC = Series.of("BTCUSDT", "1d");
    private static final Series ETH = Series.of("ETHUSDT", "1d");
    private static final Series SOL = Series.of("SOLUSDT", "1h");

    @Test
    void theCatalogIsReadOnceAndAgainOnlyOnAMiss() {
        CountingCatalog catalog = new CountingCatalog(BTC);
        MovableClock clock = new MovableClock(Instant.parse("2025-07-01T00:00:00Z"));
        ServedSeries served = new ServedSeries(catalog, clock, Duration.ofSeconds(10));
        assertEquals(0, catalog.reads, "nothing is read before the first request");

        assertTrue(served.serves(BTC));
        assertTrue(served.serves(BTC));
        assertEquals(List.of(BTC), served.list());
        assertEquals(1, catalog.reads, "a hit reads nothing");

        clock.now = clock.now.plusSeconds(11);
        catalog.series.add(ETH);
        assertTrue(served.serves(ETH), "a series added since is found by re-reading on the miss");
        assertEquals(2, catalog.reads);
        assertEquals(List.of(BTC, ETH), served.list());
    }

    @Test
    void missesReReadAtMostOncePerFloor() {
        CountingCatalog catalog = new CountingCatalog(BTC);
        MovableClock clock = new MovableClock(Instant.parse("2025-07-01T00:00:00Z"));
        ServedSeries served = new ServedSeries(catalog, clock, Duration.ofSeconds(10));
        served.list();
        clock.now = clock.now.plusSeconds(10);
        for (int i = 0; i < 100; i++) {
            assertFalse(served.serves(SOL));
        }
        assertEquals(2, catalog.reads, "a hundred unknown-series requests cost one re-read");
        clock.now = clock.now.plusSeconds(5);
        catalog.series.add(SOL);
        assertFalse(served.serves(SOL), "within the floor the last read stands");
        clock.now = clock.now.plusSeconds(5);
        assertTrue(served.serves(SOL));
        assertEquals(3, catalog.reads);
    }

    @Test
    void aFixedListIsServedAsGiven() {
        ServedSeries served = ServedSeries.fixed(List.of(ETH, BTC));
        assertEquals(List.of(ETH, BTC), served.list());
        assertTrue(served.serves(BTC));
        assertFalse(served.serves(SOL));
    }

    private static final class CountingCatalog implements SeriesCatalog {

        final List<Series> series = new ArrayList<>();
        int reads;

        CountingCatalog(Series... initial) {
            series.addAll(List.of(initial));
        }

        @Override
        public List<Series> list() {
            reads++;
            return List.copyOf(series);
        }
    }
}
