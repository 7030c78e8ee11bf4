package com.klinecast.training.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.series.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EachSeriesTest {

    private static final Series BTC = Series.of("BTCUSDT", "1d");
    private static final Series ETH = Series.of("ETHUSDT", "1d");
    private static final Series SOL = Series.of("SOLUSDT", "1h");

    @Test
    void aFailingSeriesIsReportedAndTheOthersStillRun() {
        List<Series> ran = new ArrayList<>();
        List<String> log = new ArrayList<>();
        EachSeries.Outcome outcome = EachSeries.run(List.of(BTC, ETH, SOL), s -> {
            ran.add(s);
            if (s.equals(ETH)) {
                throw new IllegalStateException("ETHUSDT#1d has no candles in the feature table\nsecond line");
            }
        }, log::add);

        assertEquals(List.of(BTC, ETH, SOL), ran, "the series after the failed one ran too");
        assertEquals(List.of(BTC, SOL), outcome.done());
        assertEquals(Map.of(ETH, "ETHUSDT#1d has no candles in the feature table"), outcome.failed());
        assertFalse(outcome.allDone());
        assertEquals("1 of 3 series failed: ETHUSDT#1d (ETHUSDT#1d has no candles in the feature table)",
                outcome.failureLine());
        assertEquals(1, log.size());
        assertTrue(log.get(0).startsWith("ETHUSDT#1d failed, going on with the other series"), log.get(0));
    }

    @Test
    void aMessagelessFailureIsNamedByItsKind() {
        EachSeries.Outcome outcome = EachSeries.run(List.of(BTC), s -> {
            throw new NullPointerException();
        }, line -> { });
        assertEquals(Map.of(BTC, "NullPointerException"), outcome.failed());
    }

    @Test
    void everySeriesDoneIsAllDone() {
        EachSeries.Outcome outcome = EachSeries.run(List.of(BTC, ETH), s -> { }, line -> { });
        assertTrue(outcome.allDone());
        assertEquals(List.of(BTC, ETH), outcome.done());
    }
}
