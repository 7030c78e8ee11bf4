package com.klinecast.core.bands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Baselines;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandSelectionTest {

    private static final List<Bar> BARS = SyntheticPrices.clustered(1500, 5);
    private static final int TRAIN_END = 1000;
    private static final int VALIDATION_END = 1250;
    private static final int MAX_H = 30;
    private static final int[] HORIZONS = {1, 7, 30};

    private static Forecasts naive(List<Bar> bars, int from) {
        Forecaster naive = Baselines.forecaster(Baselines.scaling(ModelFamily.NAIVE, bars.subList(0, TRAIN_END),
                Target.CLOSE), MAX_H, Interval.D1);
        return Backtest.forecast(bars, naive, from, VALIDATION_END - 1, MAX_H);
    }

    @Test
    void theLastTwoFoldsAreTheValidationHalvesAndEarlierOnesAsLongReachBack() {
        List<int[]> folds = SelectionFolds.of(1000, 251).folds();

        assertArrayEquals(new int[] {874, 1000}, folds.get(folds.size() - 1));
        assertArrayEquals(new int[] {749, 874}, folds.get(folds.size() - 2));
        assertArrayEquals(new int[] {124, 249}, folds.get(0));
        assertEquals(7, folds.size());
        assertArrayEquals(new int[] {0, 125}, SelectionFolds.of(1000, 250).folds().get(0));
        // too short a validation split for two halves: one fold of everything
        assertArrayEquals(new int[] {0, 10}, SelectionFolds.of(10, 1).folds().get(0));
    }

    @Test
    void aBaselineIsScoredOverEveryFoldItsHistoryAllowsAndANetworkOverTheValidationHalf() {
        List<CandidateScore> early = BandSelection.score(BARS, naive(BARS, 0), TRAIN_END, VALIDATION_END, HORIZONS);
        List<CandidateScore> late = BandSelection.score(BARS, naive(BARS, TRAIN_END - 1), TRAIN_END, VALIDATION_END,
                HORIZONS);

        // 1,250 origins in folds of 125; the first scored one needs a year and a month of history before it
        assertEquals(6, early.get(0).folds(), early.get(0).toString());
        assertEquals(1, late.get(0).folds());
        assertEquals("static_rw", early.get(0).label());
        assertEquals(1.0, early.get(0).relativePinball(), 1e-12);
        assertEquals(15, early.size());
        for (CandidateScore s : early) {
            for (double c : s.coverage80()) {
                assertTrue(c > 0.3 && c <= 1, s.label() + " held " + c);
            }
        }
    }

    @Test
    void aShortSeriesIsScoredOnlyWhereEveryBandCanForecast() {
        List<Bar> bars = SyntheticPrices.clustered(420, 9);
        Forecaster naive = Baselines.forecaster(Baselines.scaling(ModelFamily.NAIVE, bars.subList(0, 200),
                Target.CLOSE), MAX_H, Interval.D1);

        BandChoice choice = BandSelection.choose(bars, Backtest.forecast(bars, naive, 0, 309, MAX_H), 200, 310,
                HORIZONS);

        // the fold before validation's last half starts at bar 200, but the GARCH band reads 250
        assertEquals(1, choice.chosen().folds(), choice.toString());
    }

    @Test
    void nothingAtOrAfterTheEndOfValidationMovesTheChoice() {
        List<Bar> changed = new ArrayList<>(BARS.subList(0, VALIDATION_END));
        for (Bar bar : BARS.subList(VALIDATION_END, BARS.size())) {
            changed.add(new Bar(bar.openTime(), bar.open() * 3, bar.high() * 5, bar.low(), bar.close() * 4,
                    bar.volume()));
        }

        BandChoice before = BandSelection.choose(BARS, naive(BARS, 0), TRAIN_END, VALIDATION_END, HORIZONS);
        BandChoice after = BandSelection.choose(changed, naive(changed, 0), TRAIN_END, VALIDATION_END, HORIZONS);

        assertEquals(before.validationPinball(), after.validationPinball());
        assertEquals(before.band(), after.band());
    }

    @Test
    void keptOffsetsAreTheBandsOwn() {
        OffsetMemo memo = new OffsetMemo(BARS, MAX_H);
        Forecasts forecasts = naive(BARS, 0);
        for (Band band : BandSelection.published(BARS, forecasts, TRAIN_END, VALIDATION_END)) {
            for (int origin = 1100; origin < 1400; origin += 97) {
                double[][] expected = band.offsets(BARS.subList(0, origin + 1), MAX_H);
                double[][] kept = memo.at(band, origin);
                for (int h = 0; h < MAX_H; h++) {
                    assertArrayEquals(expected[h], kept[h], 1e-15, BandSelection.label(band) + " at h " + (h + 1));
                }
            }
        }
    }
}
