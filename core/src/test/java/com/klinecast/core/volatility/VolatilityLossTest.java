package com.klinecast.core.volatility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** QLIKE against values worked by hand. */
class VolatilityLossTest {

    @Test
    void qlikeIsRatioMinusLogRatioMinusOne() {
        // actual 4e-4, forecast 2e-4: 2 − ln 2 − 1 = 0.3068528
        assertEquals(0.3068528194, VolatilityLoss.qlike(4e-4, 2e-4), 1e-10);
        // actual 1e-4, forecast 2e-4: 0.5 − ln 0.5 − 1 = 0.1931472
        assertEquals(0.1931471806, VolatilityLoss.qlike(1e-4, 2e-4), 1e-10);
        assertEquals(0, VolatilityLoss.qlike(3e-4, 3e-4), 1e-15);
    }

    @Test
    void forecastingTooLittleCostsMoreThanTooMuchByTheSameFactor() {
        assertTrue(VolatilityLoss.qlike(2, 1) > VolatilityLoss.qlike(1, 2));
        assertEquals(1e-8, VolatilityLoss.squared(3e-4, 2e-4), 1e-20);
    }
}
