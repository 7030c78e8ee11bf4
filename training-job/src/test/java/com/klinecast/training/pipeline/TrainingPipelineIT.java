package com.klinecast.training.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.dataset.Samples;
import com.klinecast.core.dataset.Split;
import com.klinecast.core.dataset.Windows;
import com.klinecast.core.evaluation.HorizonMetrics;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.GlobalMinMax;
import com.klinecast.core.series.Series;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.model.EpochListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The training pipeline on real BTCUSDT daily candles, kept short (two epochs, a smaller network). */
class TrainingPipelineIT {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final List<Bar> BARS = CsvCandles.read("binance-BTCUSDT-1d.csv", 3000).stream().map(Bar::of).toList();

    private static TrainingConfig quick(String scaling) {
        return TrainingConfigs.load(null, Map.of("epochs", 2, "hiddenUnits", List.of(16, 16), "scaling", scaling));
    }

    private static TrainingConfig quick(String scaling, String forecast) {
        return TrainingConfigs.load(null, Map.of("epochs", 2, "hiddenUnits", List.of(16, 16), "scaling", scaling,
                "forecast", forecast));
    }

    @Test
    void trainsAndReportsEveryHorizonBesideTheNaiveForecast() {
        List<String> log = new ArrayList<>();
        TrainedModel model = new TrainingPipeline(EpochListener.NONE, log::add).train(BTC_1D, BARS,
                quick("log_return", "recursive"), -1);

        assertEquals(List.of(1, 3, 7, 14, 30), model.test().horizons().stream().map(HorizonMetrics::horizon).toList());
        for (HorizonMetrics m : model.test().horizons()) {
            assertTrue(m.mase() > 0 && Double.isFinite(m.mase()), "MASE at " + m.horizon());
            assertTrue(m.naiveMae() > 0);
            assertNotNull(m.coverage80());
        }
        // The first test origin is the last validation bar: its forecasts reach only into the test split.
        int testStart = BARS.size() - (int) Math.round(BARS.size() * 0.15);
        assertEquals(iso(testStart), model.data().testFrom());
        assertEquals(iso(testStart - 1), model.test().firstOrigin());
        assertTrue(log.get(0).contains("fitted on the training split"));
    }

    @Test
    void aDirectModelIsTrainedWithOneOutputPerDayAndBacktestedLikeTheRecursiveOne() {
        List<String> log = new ArrayList<>();
        TrainedModel model = new TrainingPipeline(EpochListener.NONE, log::add).train(BTC_1D, BARS,
                quick("log_return", "direct"), -1);

        assertEquals(30, model.portable().outputs());
        assertTrue(log.get(0).contains("direct forecasts, 30 outputs"), log.get(0));
        for (HorizonMetrics m : model.test().horizons()) {
            assertTrue(m.mase() > 0 && Double.isFinite(m.mase()), "MASE at " + m.horizon());
            assertNotNull(m.coverage80());
        }
    }

    @Test
    void maxTrainWindowsKeepsTheLatestTrainingWindowsOnly() {
        Split split = new Split(2_000, 2_400, 2_800);
        TrainingConfig direct = TrainingConfigs.load(null, Map.of("maxTrainWindows", 500));
        TrainingConfig uncapped = TrainingConfigs.load(null, Map.of());
        int from = TrainingPipeline.firstTrainingTarget(direct, split);

        Samples capped = Windows.build(BARS, TrainingPipeline.fit(direct, BARS.subList(0, 2_000)), direct.window(),
                direct.outputs(), from, split.trainEnd());
        assertEquals(500, capped.size());
        assertEquals(split.trainEnd() - direct.outputs(), capped.targetIndex()[499], "the latest window is kept");
        assertEquals(0, TrainingPipeline.firstTrainingTarget(uncapped, split));
        assertEquals(0, TrainingPipeline.firstTrainingTarget(TrainingConfigs.load(null,
                Map.of("maxTrainWindows", 5_000)), split), "a cap above the split's windows changes nothing");
    }

    private static String iso(int index) {
        return Instant.ofEpochMilli(BARS.get(index).openTime()).toString();
    }

    @Test
    void fitsTheScalingOnTheTrainingSplitOnly() {
        TrainedModel model = new TrainingPipeline(EpochListener.NONE, s -> { }).train(BTC_1D, BARS,
                quick("global_minmax"), -1);

        GlobalMinMax scaling = (GlobalMinMax) model.scaling();
        Instant trainTo = Instant.parse(model.data().trainTo());
        double trainingMaxHigh = BARS.stream().filter(b -> b.openTime() <= trainTo.toEpochMilli())
                .mapToDouble(Bar::high).max().orElseThrow();
        double allTimeHigh = BARS.stream().mapToDouble(Bar::high).max().orElseThrow();
        assertEquals(trainingMaxHigh, scaling.max()[1]);
        assertTrue(allTimeHigh > trainingMaxHigh, "BTC made new highs after the training cut-off");
    }
}
