package com.klinecast.core.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.series.Target;
import com.klinecast.core.testing.CsvCandles;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingTest {

    private static final List<Column> OHLCV = List.of(Column.values());
    private static final List<Bar> BTC = CsvCandles.read("binance-BTCUSDT-1d.csv", 3000).stream().map(Bar::of).toList();

    @Test
    void everyScalingTurnsItsOwnTargetBackIntoThePriceAtEveryHorizon() {
        List<Bar> training = BTC.subList(0, 2000);
        List<Scaling> scalings = List.of(GlobalMinMax.fit(OHLCV, training, Target.CLOSE),
                new WindowMinMax(OHLCV, 0.1, Target.CLOSE), LogReturns.fit(OHLCV, training, Target.CLOSE));
        for (Scaling scaling : scalings) {
            for (int j : new int[] {100, 1999, 2500, 2845}) {
                List<Bar> window = BTC.subList(j - scaling.barsFor(30), j);
                for (int h : new int[] {1, 7, 30}) {
                    Bar future = BTC.get(j + h - 1);
                    double target = scaling.target(window, future, h);
                    assertEquals(future.close(), scaling.close(window, target, h), 1e-6 * future.close(),
                            scaling.getClass().getSimpleName() + " at " + j + ", horizon " + h);
                }
                assertEquals(30, scaling.inputs(window).length);
            }
        }
    }

    @Test
    void aVolumeTargetTurnsBackIntoTheVolumeAtEveryHorizon() {
        List<Bar> training = BTC.subList(0, 2000);
        List<Scaling> scalings = List.of(GlobalMinMax.fit(OHLCV, training, Target.VOLUME),
                new WindowMinMax(OHLCV, 0.1, Target.VOLUME), LogReturns.fit(OHLCV, training, Target.VOLUME));
        for (Scaling scaling : scalings) {
            assertEquals(Target.VOLUME, scaling.target());
            for (int j : new int[] {100, 1999, 2500, 2845}) {
                List<Bar> window = BTC.subList(j - scaling.barsFor(30), j);
                for (int h : new int[] {1, 7, 30}) {
                    Bar future = BTC.get(j + h - 1);
                    double target = scaling.target(window, future, h);
                    assertEquals(future.volume(), scaling.close(window, target, h), 1e-6 * future.volume(),
                            scaling.getClass().getSimpleName() + " at " + j + ", horizon " + h);
                }
            }
        }
    }

    @Test
    void aScalerNamesItsTarget() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Scaling volume = json.readValue(json.writeValueAsString(LogReturns.fit(OHLCV, BTC.subList(0, 500),
                Target.VOLUME)), Scaling.class);

        assertEquals(Target.VOLUME, volume.target());
        assertTrue(json.writeValueAsString(volume).contains("\"target\":\"volume\""));
    }

    @Test
    void logReturnTargetsAreStandardisedAsIndependentStepsWouldBe() {
        // Mean 0.01 and deviation 0.1 per step: an h-step log return has mean 0.01h and deviation 0.1√h.
        LogReturns scaling = new LogReturns(List.of(Column.CLOSE), new double[] {0, 0.01}, new double[] {1, 0.1},
                Target.CLOSE);
        List<Bar> window = List.of(flat(100), flat(100));

        assertEquals((Math.log(1.5) - 0.01) / 0.1, scaling.target(window, flat(150), 1), 1e-12);
        assertEquals((Math.log(1.5) - 0.09) / 0.3, scaling.target(window, flat(150), 9), 1e-12);
    }

    private static Bar flat(double close) {
        return new Bar(0, close, close, close, close, 1);
    }

    @Test
    void scalingParametersRoundTripThroughJsonForTheManifest() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Scaling scaling : List.of(GlobalMinMax.fit(OHLCV, BTC.subList(0, 500), Target.CLOSE),
                new WindowMinMax(OHLCV, 0.1, Target.CLOSE),
                LogReturns.fit(OHLCV, BTC.subList(0, 500), Target.CLOSE))) {
            Scaling back = json.readValue(json.writeValueAsString(scaling), Scaling.class);
            List<Bar> window = BTC.subList(600 - scaling.barsFor(30), 600);
            assertEquals(scaling.getClass(), back.getClass());
            org.junit.jupiter.api.Assertions.assertArrayEquals(scaling.inputs(window), back.inputs(window));
        }
    }

    @Test
    void globalMinMaxIsFittedOnTheTrainingBarsAlone() {
        List<Bar> training = BTC.subList(0, 1000);
        GlobalMinMax scaling = GlobalMinMax.fit(OHLCV, training, Target.CLOSE);

        double trainingMaxHigh = training.stream().mapToDouble(Bar::high).max().orElseThrow();
        assertEquals(trainingMaxHigh, scaling.max()[Column.HIGH.ordinal()]);
        // Later prices (BTC's later highs) land above 1: the range the network has never seen.
        double[][] later = scaling.inputs(BTC.subList(2800, 2830));
        assertTrue(later[0][Column.CLOSE.ordinal()] > 1);
    }
}
