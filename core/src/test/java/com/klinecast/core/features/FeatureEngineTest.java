package com.klinecast.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.testing.CsvCandles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureEngineTest {

    private static final List<Candle> BTC = CsvCandles.read("binance-BTCUSDT-1d.csv", 400);

    private static Candle candle(long t, double close, double volume) {
        BigDecimal c = BigDecimal.valueOf(close);
        return new Candle(t, c, c.add(BigDecimal.ONE), c.subtract(BigDecimal.ONE), c, BigDecimal.valueOf(volume),
                t + 9, c, 1, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Test
    void matchesHandComputedValues() {
        // Closes 100, 110, 99, 121: a small series whose features are easy to check by hand.
        List<Candle> candles = List.of(candle(0, 100, 10), candle(10, 110, 10), candle(20, 99, 10), candle(30, 121, 20));

        List<Features> f = FeatureEngine.compute(List.of(), candles);

        assertNull(f.get(0).logReturn());
        assertEquals(Math.log(1.1), f.get(1).logReturn(), 1e-15);
        assertEquals(121.0 / 100 - 1, f.get(3).return3(), 1e-15);
        assertNull(f.get(2).return3());
        assertEquals(2.0 / 121, f.get(3).range(), 1e-15);
        assertNull(f.get(3).sma7());
    }

    @Test
    void rsiAndMovingAveragesOverAKnownWindow() {
        // Closes 1..40: every change is +1, so RSI is 100; the 7-candle mean ending at 40 is 37.
        List<Candle> rising = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            rising.add(candle(i * 10L, i, 5));
        }

        Features last = FeatureEngine.compute(List.of(), rising).get(39);

        assertEquals(100.0, last.rsi14());
        assertEquals(37.0, last.sma7(), 1e-12);
        assertEquals(25.5, last.sma30(), 1e-12);
        assertEquals(1.0, last.volumeRatio30(), 1e-15);
        assertTrue(last.warm());
    }

    @Test
    void marksRowsWhoseWindowsAreNotFullInsteadOfZeroFillingThem() {
        List<Features> f = FeatureEngine.compute(List.of(), BTC.subList(0, 40));

        assertFalse(f.get(29).warm());
        assertNull(f.get(29).volatility30());
        assertTrue(f.get(30).warm());
        assertTrue(f.subList(30, 40).stream().allMatch(Features::warm));
    }

    @Test
    void aFeatureAtTNeverDependsOnLaterCandles() {
        List<Features> full = FeatureEngine.compute(List.of(), BTC);
        for (int cut : new int[] {1, 15, 31, 100, 399}) {
            List<Features> truncated = FeatureEngine.compute(List.of(), BTC.subList(0, cut));
            assertEquals(full.subList(0, cut), truncated, "features up to " + cut + " change with later candles");
        }
    }

    @Test
    void givenTheStoredHistoryAPageGetsBitIdenticalFeaturesToTheWholeRun() {
        List<Features> whole = FeatureEngine.compute(List.of(), BTC);

        // The daily path: one new candle, its history read back from the table.
        for (int t : new int[] {30, 31, 250, 399}) {
            Features daily = FeatureEngine.compute(BTC.subList(0, t), BTC.subList(t, t + 1)).get(0);
            assertEquals(whole.get(t), daily, "candle " + t);
        }
    }
}
