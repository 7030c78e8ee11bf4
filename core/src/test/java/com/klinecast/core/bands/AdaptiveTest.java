package com.klinecast.core.bands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.forecast.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveTest {

    /** One horizon, offsets ±0.1 for the 80% band. */
    private static final StaticRandomWalk BASE =
            new StaticRandomWalk(new double[][] {{-0.2, -0.1, -0.05, 0, 0.05, 0.1, 0.2}});

    @Test
    void theScaleFollowsTheMaturedMissesByHand() {
        // returns +18.2% (miss), 0 (held), +22.3% (miss at the scale of the moment, 1.35), 0 (held)
        List<Bar> history = SyntheticPrices.closes(100, 100, 120, 120, 150, 150);
        Adaptive band = new Adaptive(BASE, 0.5, 3, 1);

        // origin 1: scale 1, miss (+0.8); 2: e^0.4, held (-0.2); 3: e^0.3, miss (+0.8); 4: e^0.7, held (-0.2)
        double expected = 0.5 * (0.8 - 0.2 + 0.8 - 0.2);
        assertEquals(expected, band.logScales(history, 1)[0], 1e-12);
        assertEquals(0.1 * Math.exp(expected), band.offsets(history, 1)[0][Levels.P90], 1e-12);
    }

    @Test
    void aForecastCountsOnlyOnceItHasMatured() {
        List<Bar> history = SyntheticPrices.closes(100, 100, 120, 120, 150, 150);
        Adaptive band = new Adaptive(BASE, 0.5, 3, 1);

        // the last close is the target of origin 4 only; moving it changes that forecast's hit, nothing earlier
        List<Bar> moved = SyntheticPrices.closes(100, 100, 120, 120, 150, 300);
        assertEquals(band.logScales(history, 1)[0] + 0.5, band.logScales(moved, 1)[0], 1e-12);
    }

    @Test
    void theScaleIsBoundedSoARunOfMissesCannotRunAway() {
        List<Bar> history = SyntheticPrices.closes(100, 200, 400, 800, 1600, 3200);

        assertEquals(Math.log(4), new Adaptive(BASE, 10, 4, 1).logScales(history, 1)[0], 1e-12);
    }

    @Test
    void aBandFittedOnAStormNarrowsInTheCalmThatFollows() {
        // training at 4% a day, then a year at 2%: the static band covers nearly everything, the adaptive one 80%
        List<Bar> bars = SyntheticPrices.regimeShift(1000, 0.04, 800, 0.02, 11);
        StaticRandomWalk fitted = StaticRandomWalk.fit(bars.subList(0, 1000), 7);
        Adaptive adaptive = new Adaptive(fitted, 0.02, Adaptive.REPLAY, 7);

        double fixed = coverage80(fitted, bars, 1400, 7);
        double adapted = coverage80(adaptive, bars, 1400, 7);

        assertTrue(fixed > 0.95, "static " + fixed);
        assertTrue(Math.abs(adapted - 0.8) < 0.05, "adaptive " + adapted);
    }

    @Test
    void anAdaptiveBandDoesNotWrapAnother() {
        Adaptive once = new Adaptive(BASE, 0.02, 10, 1);

        assertThrows(IllegalArgumentException.class, () -> new Adaptive(once, 0.02, 10, 1));
    }

    private static double coverage80(Band band, List<Bar> bars, int from, int h) {
        int inside = 0;
        int n = 0;
        for (int origin = from; origin + h < bars.size(); origin++) {
            double[] offsets = band.offsets(bars.subList(0, origin + 1), h)[h - 1];
            double r = Math.log(bars.get(origin + h).close() / bars.get(origin).close());
            inside += r >= offsets[Levels.P10] && r <= offsets[Levels.P90] ? 1 : 0;
            n++;
        }
        return (double) inside / n;
    }
}
