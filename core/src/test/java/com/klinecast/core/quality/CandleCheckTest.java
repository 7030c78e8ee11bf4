package com.klinecast.core.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.candle.Candle;
import com.klinecast.core.quality.CandleCheck.Flag;
import com.klinecast.core.series.Series;
import com.klinecast.core.testing.CsvCandles;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CandleCheckTest {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final long DAY = 86_400_000L;

    private static Candle candle(String open, String high, String low, String close, String volume, long closeTime) {
        return new Candle(0, new BigDecimal(open), new BigDecimal(high), new BigDecimal(low), new BigDecimal(close),
                new BigDecimal(volume), closeTime, BigDecimal.ONE, 1, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Test
    void acceptsEveryBundledCandleAndFlagsOnlyTheOutageShortenedDay() {
        long flagged = CsvCandles.read("binance-BTCUSDT-1d.csv", 3000).stream()
                .filter(c -> !CandleCheck.check(BTC_1D, c).isEmpty()).count();

        assertEquals(1, flagged, "2018-02-08 closes at 00:28:14.788");
    }

    @Test
    void keepsAndFlagsACandleClosedEarly() {
        assertEquals(Set.of(Flag.SHORTENED), CandleCheck.check(BTC_1D, candle("10", "11", "9", "10", "5", DAY / 2)));
        assertTrue(CandleCheck.check(BTC_1D, candle("10", "11", "9", "10", "5", DAY - 1)).isEmpty());
    }

    @Test
    void rejectsCandlesThatCannotBeReal() {
        assertThrows(InvalidCandleException.class, () -> CandleCheck.check(BTC_1D, candle("10", "9", "8", "10", "5", DAY - 1)));
        assertThrows(InvalidCandleException.class, () -> CandleCheck.check(BTC_1D, candle("10", "12", "10.5", "11", "5", DAY - 1)));
        assertThrows(InvalidCandleException.class, () -> CandleCheck.check(BTC_1D, candle("0", "1", "0", "1", "5", DAY - 1)));
        InvalidCandleException late = assertThrows(InvalidCandleException.class,
                () -> CandleCheck.check(BTC_1D, candle("10", "11", "9", "10", "5", DAY + 5)));
        assertTrue(late.getMessage().contains("after the interval's end"), late.getMessage());
    }
}
