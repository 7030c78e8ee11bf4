package com.klinecast.core.volatility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.klinecast.core.forecast.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The range-based variances against candles worked by hand. */
class VarianceProxyTest {

    // open 100, high 110, low 95, close 105: ln(110/95) = 0.1466035, ln(105/100) = 0.0487902.
    private static final Bar CANDLE = new Bar(0, 100, 110, 95, 105, 1);

    @Test
    void parkinsonIsTheSquaredLogRangeOverFourLnTwo() {
        // 0.1466035² / (4 × 0.6931472) = 0.0214926 / 2.7725887
        assertEquals(0.0077518092, VarianceProxy.PARKINSON.of(CANDLE), 1e-10);
        // high 102, low 98: ln(102/98)² / (4 ln 2)
        assertEquals(0.0005772320, VarianceProxy.PARKINSON.of(new Bar(0, 100, 102, 98, 99, 1)), 1e-10);
    }

    @Test
    void garmanKlassAddsTheOpenToCloseMove() {
        // ½ × 0.0214926 − (2 ln 2 − 1) × 0.0487902² = 0.0107463 − 0.3862944 × 0.0023805
        assertEquals(0.0098267233, VarianceProxy.GARMAN_KLASS.of(CANDLE), 1e-10);
    }

    @Test
    void aFlatCandleIsFlooredSoLossesAndLogsStayDefined() {
        Bar flat = new Bar(0, 100, 100, 100, 100, 1);
        assertEquals(VarianceProxy.FLOOR, VarianceProxy.PARKINSON.of(flat));
        assertEquals(VarianceProxy.FLOOR, VarianceProxy.PARKINSON.of(List.of(flat, CANDLE))[0]);
    }

    @Test
    void namesAreStrict() {
        assertEquals(VarianceProxy.GARMAN_KLASS, VarianceProxy.of("garman_klass"));
        assertThrows(IllegalArgumentException.class, () -> VarianceProxy.of("range"));
    }
}
