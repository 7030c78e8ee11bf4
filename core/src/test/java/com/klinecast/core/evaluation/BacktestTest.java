package com.klinecast.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.series.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

    private static List<Bar> closes(double... closes) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            bars.add(new Bar(i, closes[i], closes[i], closes[i], closes[i], 1));
        }
        return bars;
    }

    @Test
    void computesTheMetricsOfAHandWorkedExample() {
        // Closes 10, 11, 12, 11, 13. From origin 1 (close 11) the model says 11.5, the day after is 12;
        // from origin 2 (close 12) it says 11, the day after is 11.
        List<Bar> bars = closes(10, 11, 12, 11, 13);
        Forecasts forecasts = new Forecasts(new int[] {1, 2}, new double[][] {{11.5}, {11.0}}, Target.CLOSE);

        HorizonMetrics m = Backtest.evaluate(bars, forecasts, new int[] {1}).at(1);

        assertEquals(2, m.origins());
        assertEquals(0.25, m.mae(), 1e-12);                         // (0.5 + 0) / 2
        assertEquals(Math.sqrt(0.125), m.rmse(), 1e-12);            // sqrt((0.25 + 0) / 2)
        assertEquals(100 * (0.5 / 12) / 2, m.mape(), 1e-12);
        assertEquals(1.0, m.naiveMae(), 1e-12);                     // |11 - 12| and |12 - 11|
        assertEquals(0.25, m.mase(), 1e-12);
        assertEquals(1.0, m.directionAccuracy(), 1e-12);            // up called up, down called down
        assertEquals(0.5, m.upShare(), 1e-12);
        assertNull(m.coverage80());
    }

    @Test
    void comparesEachHorizonOnlyOnOriginsWhoseActualExists() {
        List<Bar> bars = closes(10, 11, 12, 11, 13);
        Forecasts forecasts = new Forecasts(new int[] {1, 2, 3}, new double[][] {{11, 11}, {12, 12}, {11, 11}},
                Target.CLOSE);

        BacktestReport report = Backtest.evaluate(bars, forecasts, new int[] {1, 2});

        assertEquals(3, report.at(1).origins());
        assertEquals(2, report.at(2).origins());
        assertEquals(1.0, report.at(1).mase(), 1e-12, "a model that repeats the last close is the naive forecast");
    }
}
