package com.klinecast.training.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.series.Series;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.model.EpochListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Refits on an expanding window: each block of origins is forecast by a fit on the bars up to its first origin. */
class RefitBacktestTest {

    private static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    private static final List<Bar> BARS = CsvCandles.read("binance-BTCUSDT-1d.csv", 1200).stream().map(Bar::of)
            .toList();
    private static final TrainingConfig CONFIG = TrainingConfigs.load(null, Map.of("horizons", List.of(1, 7)));
    private static final RefitBacktest REFIT = new RefitBacktest(new TrainingPipeline(EpochListener.NONE, s -> { }),
            s -> { });

    @Test
    void driftIsRefittedOnTheBarsUpToEachBlocksFirstOrigin() {
        Forecasts forecasts = REFIT.forecast(BTC_1D, ModelFamily.DRIFT, CONFIG, BARS, 1000, 1100, 30, 7);

        assertEquals(100, forecasts.origins().length);
        for (int k : new int[] {0, 29, 30, 99}) {
            int origin = forecasts.origins()[k];
            int block = 1000 + (k / 30) * 30;
            // The block's fit: its training part is the oldest 1 - 0.15/0.85 of the bars up to the block's origin.
            int trainEnd = (int) Math.round((block + 1) * (1 - 0.15 / 0.85));
            double mean = Math.log(BARS.get(trainEnd - 1).close() / BARS.get(0).close()) / (trainEnd - 1);
            double last = BARS.get(origin).close();
            assertArrayEquals(new double[] {last * Math.exp(mean), last * Math.exp(7 * mean)},
                    new double[] {forecasts.points()[k][0], forecasts.points()[k][6]}, 1e-6 * last, "origin " + k);
        }
    }

    @Test
    void naiveNeedsNoFitAndStaysTheLastClose() {
        Forecasts forecasts = REFIT.forecast(BTC_1D, ModelFamily.NAIVE, CONFIG, BARS, 1000, 1010, 3, 7);

        for (int k = 0; k < forecasts.origins().length; k++) {
            assertEquals(BARS.get(forecasts.origins()[k]).close(), forecasts.points()[k][6], 1e-9);
        }
    }
}
