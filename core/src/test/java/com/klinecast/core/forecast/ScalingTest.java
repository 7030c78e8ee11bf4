package com.klinecast.core.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.testing.CsvCandles;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingTest {

    private static final List<Column> OHLCV = List.of(Column.values());
    private static final List<Bar> BTC = CsvCandles.read("binance-BTCUSDT-1d.csv", 3000).stream().map(Bar::of).toList();

    @Test
    void everyScalingTurnsItsOwnTargetBackIntoThePrice() {
        List<Bar> training = BTC.subList(0, 2000);
        List<Scaling> scalings = List.of(GlobalMinMax.fit(OHLCV, training), new WindowMinMax(OHLCV, 0.1),
                LogReturns.fit(OHLCV, training));
        for (Scaling scaling : scalings) {
            for (int j : new int[] {100, 1999, 2500, 2874}) {
                List<Bar> window = BTC.subList(j - scaling.barsFor(30), j);
                double target = scaling.target(window, BTC.get(j));
                assertEquals(BTC.get(j).close(), scaling.close(window, target), 1e-6 * BTC.get(j).close(),
                        scaling.getClass().getSimpleName() + " at " + j);
                assertEquals(30, scaling.inputs(window).length);
            }
        }
    }

    @Test
    void scalingParametersRoundTripThroughJsonForTheManifest() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Scaling scaling : List.of(GlobalMinMax.fit(OHLCV, BTC.subList(0, 500)), new WindowMinMax(OHLCV, 0.1),
                LogReturns.fit(OHLCV, BTC.subList(0, 500)))) {
            Scaling back = json.readValue(json.writeValueAsString(scaling), Scaling.class);
            List<Bar> window = BTC.subList(600 - scaling.barsFor(30), 600);
            assertEquals(scaling.getClass(), back.getClass());
            org.junit.jupiter.api.Assertions.assertArrayEquals(scaling.inputs(window), back.inputs(window));
        }
    }

    @Test
    void globalMinMaxIsFittedOnTheTrainingBarsAlone() {
        List<Bar> training = BTC.subList(0, 1000);
        GlobalMinMax scaling = GlobalMinMax.fit(OHLCV, training);

        double trainingMaxHigh = training.stream().mapToDouble(Bar::high).max().orElseThrow();
        assertEquals(trainingMaxHigh, scaling.max()[Column.HIGH.ordinal()]);
        // Later prices (BTC's later highs) land above 1: the range the network has never seen.
        double[][] later = scaling.inputs(BTC.subList(2800, 2830));
        assertTrue(later[0][Column.CLOSE.ordinal()] > 1);
    }
}
