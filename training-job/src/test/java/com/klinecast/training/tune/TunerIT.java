package com.klinecast.training.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.evaluation.HorizonMetrics;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Series;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.model.EpochListener;
import com.klinecast.training.pipeline.TrainedModel;
import com.klinecast.training.pipeline.TrainingPipeline;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The search on a short real series (the first 600 BTCUSDT days) with a tiny grid and two-epoch trials. */
class TunerIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final List<Bar> BARS = CsvCandles.read("binance-BTCUSDT-1d.csv", 600).stream().map(Bar::of).toList();
    /** 600 bars at 15% validation and 15% test: validation is bars 420..509, test 510..599. */
    private static final int VALIDATION_END = 510;
    private static final TrainingConfig BASE = TrainingConfigs.load(null, Map.of("batchSize", 16));
    private static final Grid GRID = Grid.parse("""
            {"hiddenUnits": [[4], [8]], "window": [10, 14], "scaling": ["log_return", "window_minmax"],
             "epochs": [2], "patience": [1]}
            """, "tiny");

    @Test
    void theSameDataGridAndSeedGiveTheSameLeaderboard() {
        List<Trial> trials = GRID.sample(3, 11);
        Leaderboard first = new Tuner(r -> { }).run(BTC_1D, BARS, BASE, trials, GRID);
        Leaderboard second = new Tuner(r -> { }).run(BTC_1D, BARS, BASE, GRID.sample(3, 11), GRID);

        assertEquals(3, first.ranked().size());
        assertEquals(numbers(first), numbers(second));
        for (int i = 0; i < 3; i++) {
            assertEquals(first.ranked().get(i).score(), second.ranked().get(i).score(), "scores identical, rank " + i);
        }
        for (int i = 1; i < 3; i++) {
            assertTrue(first.ranked().get(i - 1).score() <= first.ranked().get(i).score(), "best first");
        }
        TrialResult winner = first.winner();
        assertEquals(List.of(1, 3, 7, 14, 30), winner.validation().horizons().stream()
                .map(HorizonMetrics::horizon).toList());
        assertEquals(winner.validation().horizons().stream().mapToDouble(HorizonMetrics::mase).average().orElseThrow(),
                winner.score(), 1e-12);
        assertTrue(Double.isFinite(winner.score()) && winner.score() > 0);
        assertEquals(List.of("hiddenUnits", "window", "scaling"), first.varying());
    }

    @Test
    void theWinnersTrainingRunRepeatsItsTrial() {
        TrialResult winner = new Tuner(r -> { }).run(BTC_1D, BARS, BASE, GRID.sample(2, 5), GRID).winner();

        TrainedModel trained = new TrainingPipeline(EpochListener.NONE, line -> { }).train(BTC_1D, BARS,
                winner.config(), -1);

        assertEquals(winner.bestValidationLoss(), trained.training().bestValidationLoss(), "bit for bit");
        assertEquals(winner.bestEpoch(), trained.training().bestEpoch());
        assertEquals(winner.lastBarSeen(), trained.data().validationTo());
    }

    @Test
    void trialsReadNothingOfTheTestSplit() {
        RecordingBars bars = new RecordingBars(BARS);
        List<TrialResult> seen = new ArrayList<>();
        new Tuner(seen::add).run(BTC_1D, bars, BASE, GRID.sample(2, 3), GRID);

        assertEquals(2, seen.size(), "each trial reported as it finished");
        assertEquals(VALIDATION_END - 1, bars.highestRead, "read up to the last validation bar, never past it");
        for (TrialResult r : seen) {
            assertEquals(VALIDATION_END, r.barsSeen());
            assertEquals(Instant.ofEpochMilli(BARS.get(VALIDATION_END - 1).openTime()).toString(), r.lastBarSeen());
            assertTrue(Instant.parse(r.validation().lastOrigin()).toEpochMilli() < BARS.get(VALIDATION_END - 1)
                    .openTime(), "validation origins end inside the validation split");
            assertTrue(r.validation().at(30).origins() > 0);
        }
    }

    private static List<Integer> numbers(Leaderboard board) {
        return board.ranked().stream().map(r -> r.trial().number()).toList();
    }

    /** The bars, remembering the highest index anything asked for (sub-lists read through it too). */
    private static final class RecordingBars extends AbstractList<Bar> {
        private final List<Bar> bars;
        int highestRead = -1;

        RecordingBars(List<Bar> bars) {
            this.bars = bars;
        }

        @Override
        public Bar get(int index) {
            highestRead = Math.max(highestRead, index);
            return bars.get(index);
        }

        @Override
        public int size() {
            return bars.size();
        }
    }
}
