package com.klinecast.core.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.evaluation.Forecasts;
import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.series.Interval;
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
        Forecaster forecaster = new Forecaster(MEAN_OF_CLOSES, new WindowMinMax(List.of(Column.values()), 0.1), 3,
                Interval.D1);

        double[] closes = forecaster.closes(BTC.subList(0, 10), 2);

        // Step 2's window holds the step-1 prediction as its last bar.
        List<Bar> rolled = new ArrayList<>(BTC.subList(7, 10));
        rolled.add(BTC.get(9).next(BTC.get(9).openTime() + 86_400_000L, closes[0]));
        assertEquals(new Forecaster(MEAN_OF_CLOSES, new WindowMinMax(List.of(Column.values()), 0.1), 3, Interval.D1)
                .closes(rolled, 1)[0], closes[1], 1e-9);
    }

    @Test
    void aBacktestForecastNeverSeesBarsAfterItsOrigin() {
        Forecaster forecaster = new Forecaster(MEAN_OF_CLOSES, LogReturns.fit(List.of(Column.values()), BTC), 30,
                Interval.D1);
        Forecasts honest = Backtest.forecast(BTC, forecaster, 100, 120, 7);

        // Scramble everything after origin 110: the forecasts from origins <= 110 must not change.
        List<Bar> tampered = new ArrayList<>(BTC);
        for (int i = 111; i < tampered.size(); i++) {
            Bar b = tampered.get(i);
            tampered.set(i, new Bar(b.openTime(), b.open() * 3, b.high() * 3, b.low() * 3, b.close() * 3, b.volume()));
        }
        Forecasts after = Backtest.forecast(tampered, forecaster, 100, 120, 7);

        for (int k = 0; k <= 10; k++) {
            assertArrayEquals(honest.closes()[k], after.closes()[k], "origin " + honest.origins()[k]);
        }
    }
}
