package com.klinecast.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.bands.StaticRandomWalk;
import com.klinecast.core.bands.SyntheticPrices;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Baselines;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every evidence field of a backtest, on a window after the data the model and its band were fitted on. */
class BacktestEvidenceTest {

    private static final List<Bar> BARS = SyntheticPrices.randomWalk(3000, 0.02, 11);

    @Test
    void coverageIsComputedOnAWindowAfterTraining() {
        List<Bar> training = BARS.subList(0, 1500);
        Forecaster naive = Baselines.forecaster(Baselines.scaling(ModelFamily.NAIVE, training, Target.CLOSE), 30,
                Interval.D1);
        StaticRandomWalk band = StaticRandomWalk.fit(training, 30);

        BacktestReport report = Backtest.evaluate(BARS, Backtest.forecast(BARS, naive, 2000, 2999, 30),
                new int[] {1, 7, 30}, band, band);

        for (HorizonMetrics m : report.horizons()) {
            assertNotNull(m.coverage80());
            // A random walk with the training split's own volatility: the static band is calibrated.
            assertEquals(0.8, m.coverage80(), 0.08, "h" + m.horizon());
            assertEquals(0.5, m.coverage50(), 0.1, "h" + m.horizon());
            assertEquals(0.9, m.coverage90(), 0.07, "h" + m.horizon());
            assertEquals(1.0, m.mase(), 1e-12, "naive is naive");
            assertEquals(0.0, m.pinballSkill(), 1e-12, "the reference has no skill over itself");
            assertTrue(m.crps() > 0 && m.pinball() > 0);
            assertTrue(m.kupiecPValue80() >= 0 && m.kupiecPValue80() <= 1);
        }
    }

    @Test
    void aBetterForecastHasASmallDmPValueAndAMaseIntervalBelowOne() {
        List<Bar> bars = SyntheticPrices.ar1(3000, 0.3, 0.02, 12);
        // The true one-step conditional mean: close × exp(0.3 × last log return).
        Forecaster oracle = new Forecaster(Forecaster.Mode.DIRECT, window -> new double[] {window[0][0]},
                new com.klinecast.core.forecast.LogReturns(List.of(Bar.Column.CLOSE), new double[] {0, 0},
                        new double[] {1, 0.3}, Target.CLOSE), 1, Interval.D1);

        HorizonMetrics m = Backtest.evaluate(bars, Backtest.forecast(bars, oracle, 1000, 2999, 1), new int[] {1})
                .at(1);

        assertTrue(m.mase() < 1, "mase " + m.mase());
        assertTrue(m.maseLow() <= m.mase() && m.mase() <= m.maseHigh() && m.maseHigh() < 1,
                m.maseLow() + ".." + m.maseHigh());
        assertTrue(m.dmPValue() < 0.01, "p " + m.dmPValue());
        assertTrue(m.directionPValue() < 0.01, "direction p " + m.directionPValue());
    }
}
