package com.klinecast.core.volatility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The backtest judges the mean variance over the next h days, beside naive on the same origins. */
class VolatilityBacktestTest {

    @Test
    void theActualAtHIsTheMeanOverTheNextHDays() {
        double[] v = {1, 2, 3, 4, 5};
        assertEquals(3.5, VolatilityForecasts.actual(v, 1, 2));
        assertEquals(2, VolatilityForecasts.actual(v, 0, 1));
    }

    @Test
    void naiveScoresOneAndAModelThatKnowsTheMeanBeatsAnAlternatingSeries() {
        double[] v = new double[200];
        long[] times = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2 == 0 ? 1e-4 : 9e-4;
            times[i] = i * 86_400_000L;
        }
        int[] horizons = {1, 2};
        VolatilityForecasts naive = VolatilityForecasts.of(new NaiveVariance(), v, 40, 199, 2);
        VolatilityForecasts mean = VolatilityForecasts.of(MeanVariance.defaults(), v, 40, 199, 2);

        VolatilityReport naiveReport = VolatilityBacktest.evaluate(v, times, naive, horizons);
        VolatilityReport meanReport = VolatilityBacktest.evaluate(v, times, mean, horizons);

        assertEquals(1, naiveReport.at(1).qlikeRatio(), 1e-12);
        assertEquals(158, meanReport.at(2).origins());
        assertTrue(meanReport.at(1).qlikeRatio() < 0.5, "" + meanReport.at(1));
        assertTrue(meanReport.at(2).mseRatio() < 0.1, "" + meanReport.at(2));
        assertTrue(meanReport.at(2).dmPValue() < 1e-6, "" + meanReport.at(2));
        assertEquals("1970-02-10T00:00:00Z", meanReport.firstOrigin());
    }
}
