package com.klinecast.core.bands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Baselines;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Target;
import com.klinecast.core.volatility.Har;
import com.klinecast.core.volatility.VarianceProxy;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandsTest {

    private static final List<Bar> BARS = SyntheticPrices.clustered(1500, 3);
    private static final int TRAIN_END = 1000;
    private static final int VALIDATION_END = 1250;
    private static final int MAX_H = 30;

    private static Forecasts naiveFrom(int from, int to) {
        Forecaster naive = Baselines.forecaster(Baselines.scaling(ModelFamily.NAIVE, BARS.subList(0, TRAIN_END),
                Target.CLOSE),
                MAX_H, Interval.D1);
        return Backtest.forecast(BARS, naive, from, to, MAX_H);
    }

    private static List<Band> all() {
        List<Bar> training = BARS.subList(0, TRAIN_END);
        Forecasts validation = naiveFrom(TRAIN_END - 1, VALIDATION_END - 1);
        Ewma ewma = Ewma.fit(training);
        Har har = Har.fit(VarianceProxy.PARKINSON.of(training), 0, TRAIN_END, true);
        StaticRandomWalk staticBand = StaticRandomWalk.fit(training, MAX_H);
        return List.of(staticBand, ewma, Garch.fit(training),
                Conformal.fit(ewma, BARS, validation.origins(), validation.points(), VALIDATION_END),
                VolatilityScaled.fit(har, VarianceProxy.PARKINSON, BARS, validation.origins(), validation.points(),
                        VALIDATION_END),
                new Adaptive(staticBand, 0.02, Adaptive.REPLAY, MAX_H), new Adaptive(ewma, 0.005, 100, MAX_H));
    }

    @Test
    void quantilesNeverCross() {
        for (Band band : all()) {
            for (int origin = 200; origin < BARS.size(); origin += 37) {
                double[][] q = band.quantiles(BARS.subList(0, origin + 1), new double[MAX_H]);
                double[][] offsets = band.offsets(BARS.subList(0, origin + 1), MAX_H);
                for (int h = 0; h < MAX_H; h++) {
                    for (int i = 1; i < Levels.LEVELS.length; i++) {
                        assertTrue(offsets[h][i] >= offsets[h][i - 1], band.method() + " crosses at h " + (h + 1));
                    }
                }
                assertEquals(MAX_H, q.length);
            }
        }
    }

    @Test
    void aBandReadBackFromItsJsonGivesTheSameQuantiles() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Bar> history = BARS.subList(0, 1400);
        for (Band band : all()) {
            Band back = json.readValue(json.writeValueAsBytes(band), Band.class);

            assertEquals(band.method(), back.method());
            // what /models and the CLI name a stored band: the API's name, an adaptive band's with its base
            assertEquals(band.method(), BandJson.method(BandJson.tree(band)));
            for (int h = 0; h < MAX_H; h++) {
                assertArrayEquals(band.offsets(history, MAX_H)[h], back.offsets(history, MAX_H)[h], 0);
            }
        }
    }

    @Test
    void volatilityScalingWidensTheBandInAStormAndNarrowsItInACalm() {
        Ewma ewma = Ewma.fit(BARS.subList(0, TRAIN_END));
        double widest = 0;
        double narrowest = Double.POSITIVE_INFINITY;
        for (int origin = 200; origin < BARS.size(); origin++) {
            double[] at1 = ewma.offsets(BARS.subList(0, origin + 1), 1)[0];
            double width = at1[Levels.P90] - at1[Levels.P10];
            widest = Math.max(widest, width);
            narrowest = Math.min(narrowest, width);
        }
        assertTrue(widest > 2 * narrowest, "a clustered series needs bands from " + narrowest + " to " + widest);
    }

    @Test
    void theSelectionPicksAVolatilityAwareBandOnAClusteredSeries() {
        Forecasts validation = naiveFrom(TRAIN_END - 1, VALIDATION_END - 1);

        BandChoice choice = BandSelection.choose(BARS, validation, TRAIN_END, VALIDATION_END, new int[] {1, 7, 30});

        // five methods, each also adaptive at two steps
        assertEquals(15, choice.validationPinball().size(), choice.validationPinball().toString());
        assertNotEquals("static_rw", choice.band().method(), choice.validationPinball().toString());
    }

    @Test
    void garchFitsTheParametersOfAGarchSeriesRoughly() {
        Garch garch = Garch.fit(BARS.subList(0, TRAIN_END));

        assertTrue(garch.alpha() + garch.beta() > 0.85 && garch.alpha() + garch.beta() < 0.999, garch.toString());
    }
}
