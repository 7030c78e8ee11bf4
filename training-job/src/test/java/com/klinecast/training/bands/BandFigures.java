package com.klinecast.training.bands;

import com.klinecast.core.bands.Band;
import com.klinecast.core.bands.BandChoice;
import com.klinecast.core.bands.BandSelection;
import com.klinecast.core.bands.Levels;
import com.klinecast.core.dataset.Split;
import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.evaluation.stats.QuantileScores;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Baselines;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * docs/training.md's band figures from the bundled candles without a stack: for naive and drift on each series, the
 * validation scores that choose the band, then each candidate band's 80% coverage and pinball on the validation
 * scoring half and (with {@code test}) on the test split: {@code java -cp <test classpath>
 * com.klinecast.training.bands.BandFigures [test]}.
 */
public final class BandFigures {

    private static final int[] SHOWN = {1, 7, 30};

    private BandFigures() {
    }

    public static void main(String[] args) {
        boolean test = args.length > 0 && args[0].equals("test");
        for (String name : List.of("BTCUSDT-1d", "ETHUSDT-1d", "BTCUSDT-1h")) {
            String[] p = name.split("-");
            Series series = Series.of(p[0], p[1]);
            TrainingConfig config = TrainingConfigs.forSeries(series, null, Map.of());
            List<Bar> bars = CsvCandles.read("binance-" + name + ".csv", Integer.MAX_VALUE).stream()
                    .map(Bar::of).toList();
            Split split = Split.of(bars.size(), config.validationFraction(), config.testFraction());
            for (ModelFamily family : List.of(ModelFamily.NAIVE, ModelFamily.DRIFT)) {
                Forecaster f = Baselines.forecaster(Baselines.scaling(family, bars.subList(0, split.trainEnd()), Target.CLOSE),
                        config.maxHorizon(), series.interval());
                Forecasts validation = Backtest.forecast(bars, f, split.trainEnd() - 1, split.validationEnd() - 1,
                        config.maxHorizon());
                BandChoice choice = BandSelection.choose(bars, validation, split.trainEnd(), split.validationEnd(),
                        config.horizonArray());
                System.out.println(name + " " + family.code() + " chose " + choice.band().method() + " "
                        + choice.validationPinball());
                Forecasts onTest = Backtest.forecast(bars, f, split.validationEnd() - 1, bars.size() - 1,
                        config.maxHorizon());
                for (Band band : BandSelection.candidates(bars, validation, split.trainEnd(), split.validationEnd())) {
                    String row = String.format("  %-22s validation %s", BandSelection.label(band),
                            scores(band, bars, validation, validation.origins().length / 2, split.validationEnd()));
                    if (test) {
                        row += "  test " + scores(band, bars, onTest, 0, bars.size());
                    }
                    System.out.println(row);
                }
            }
        }
    }

    /** 80% coverage and mean pinball per shown horizon, over origins from {@code from} whose target is before end. */
    private static String scores(Band band, List<Bar> bars, Forecasts forecasts, int from, int end) {
        StringBuilder out = new StringBuilder();
        for (int h : SHOWN) {
            int n = 0;
            int inside = 0;
            double pinball = 0;
            for (int k = from; k < forecasts.origins().length; k++) {
                int origin = forecasts.origins()[k];
                if (origin + h >= Math.min(end, bars.size())) {
                    continue;
                }
                double[][] q = band.quantiles(bars.subList(0, origin + 1), Arrays.copyOf(forecasts.points()[k], h));
                double actual = bars.get(origin + h).close();
                n++;
                inside += actual >= q[h - 1][Levels.P10] && actual <= q[h - 1][Levels.P90] ? 1 : 0;
                pinball += QuantileScores.meanPinball(q[h - 1], Levels.LEVELS, actual);
            }
            out.append(String.format(" h%d %5.1f%% %8.2f", h, 100.0 * inside / n, pinball / n));
        }
        return out.toString();
    }
}
