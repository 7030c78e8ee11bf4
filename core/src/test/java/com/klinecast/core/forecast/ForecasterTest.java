package com.klinecast.core.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.forecast.Forecaster.Mode;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Target;
import com.klinecast.core.testing.CsvCandles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecasterTest {

    private static final List<Bar> BTC = CsvCandles.read("binance-BTCUSDT-1d.csv", 400).stream().map(Bar::of).toList();

    /** A stand-in network: the mean of the window's scaled closes (deterministic, reads every step). */
    private static final StepModel MEAN_OF_CLOSES = window -> {
        double sum = 0;
        for (double[] step : window) {
            sum += step[Column.CLOSE.ordinal()];
        }
        return new double[] {sum / window.length};
    };

    @Test
    void feedsEachPredictionBackAsTheNextBar() {
        Forecaster forecaster = new Forecaster(Mode.RECURSIVE, MEAN_OF_CLOSES,
                new WindowMinMax(List.of(Column.values()), 0.1, Target.CLOSE), 3, Interval.D1);

        double[] closes = forecaster.forecast(BTC.subList(0, 10), 2);

        // Step 2's window holds the step-1 prediction as its last bar.
        List<Bar> rolled = new ArrayList<>(BTC.subList(7, 10));
        rolled.add(BTC.get(9).next(BTC.get(9).openTime() + 86_400_000L, closes[0]));
        assertEquals(forecaster.forecast(rolled, 1)[0], closes[1], 1e-9);
    }

    @Test
    void aBacktestForecastNeverSeesBarsAfterItsOrigin() {
        Forecaster forecaster = new Forecaster(Mode.RECURSIVE, MEAN_OF_CLOSES,
                LogReturns.fit(List.of(Column.values()), BTC, Target.CLOSE), 30, Interval.D1);
        Forecasts honest = Backtest.forecast(BTC, forecaster, 100, 120, 7);

        // Scramble everything after origin 110: the forecasts from origins <= 110 must not change.
        List<Bar> tampered = new ArrayList<>(BTC);
        for (int i = 111; i < tampered.size(); i++) {
            Bar b = tampered.get(i);
            tampered.set(i, new Bar(b.openTime(), b.open() * 3, b.high() * 3, b.low() * 3, b.close() * 3, b.volume()));
        }
        Forecasts after = Backtest.forecast(tampered, forecaster, 100, 120, 7);

        for (int k = 0; k <= 10; k++) {
            assertArrayEquals(honest.points()[k], after.points()[k], "origin " + honest.origins()[k]);
        }
    }

    @Test
    void aDirectForecastIsOneForwardPassReadAsOneClosePerHorizon() {
        // Closes 10, 20, .. on a 0..100 scale: scaled close = close / 100.
        List<Bar> history = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            history.add(new Bar(i, 10 * i, 10 * i, 10 * i, 10 * i, 1));
        }
        GlobalMinMax scaling = new GlobalMinMax(List.of(Column.CLOSE), new double[] {0}, new double[] {100},
                Target.CLOSE);
        List<double[][]> seen = new ArrayList<>();
        StepModel threeHorizons = window -> {
            seen.add(window);
            return new double[] {0.65, 0.7, 0.8};
        };
        Forecaster forecaster = new Forecaster(Mode.DIRECT, threeHorizons, scaling, 3, Interval.D1);

        double[] closes = forecaster.forecast(history, 3);

        assertArrayEquals(new double[] {65, 70, 80}, closes, 1e-9);
        assertEquals(1, seen.size(), "one forward pass, nothing fed back");
        assertArrayEquals(new double[][] {{0.4}, {0.5}, {0.6}}, seen.get(0), "the last three bars only");
        assertArrayEquals(new double[] {65, 70}, forecaster.forecast(history, 2), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> forecaster.forecast(history, 4),
                "a direct model has no output beyond its largest horizon");
    }

    @Test
    void aDirectLogReturnOutputIsReadAtItsOwnHorizon() {
        LogReturns scaling = new LogReturns(List.of(Column.CLOSE), new double[] {0, 0.01}, new double[] {1, 0.1},
                Target.CLOSE);
        Forecaster forecaster = new Forecaster(Mode.DIRECT, window -> new double[] {1, 1}, scaling, 2, Interval.D1);
        List<Bar> history = List.of(BTC.get(0), BTC.get(1), BTC.get(2));

        double[] closes = forecaster.forecast(history, 2);

        double last = BTC.get(2).close();
        assertEquals(last * Math.exp(0.1 + 0.01), closes[0], 1e-9 * last);
        assertEquals(last * Math.exp(0.1 * Math.sqrt(2) + 0.02), closes[1], 1e-9 * last);
    }

    @Test
    void modesAreNamedAsInConfiguration() {
        assertEquals(Mode.DIRECT, Mode.of("direct"));
        assertEquals(Mode.RECURSIVE, Mode.of("recursive"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Mode.of("both"));
        assertTrue(bad.getMessage().contains("unknown forecast 'both'"), bad.getMessage());
    }
}
