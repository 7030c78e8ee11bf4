package com.klinecast.training.pipeline;

import com.klinecast.core.dataset.Split;
import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Baselines;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A rolling-origin backtest that refits the model as it would be operated: every {@code every} origins it is
 * fitted again on an expanding window (all bars up to the origin, the newest validation share of them for early
 * stopping), and that fit forecasts the next {@code every} origins. A one-fit backtest freezes a model for a year
 * of origins, which no deployment would do.
 */
public final class RefitBacktest {

    private final TrainingPipeline pipeline;
    private final Consumer<String> log;

    public RefitBacktest(TrainingPipeline pipeline, Consumer<String> log) {
        this.pipeline = pipeline;
        this.log = log;
    }

    /**
     * Forecasts from every origin in [from, to), refitting every {@code every} origins.
     *
     * @param config the version's training config (for a baseline, only its fractions and horizons are read)
     */
    public Forecasts forecast(Series series, ModelFamily family, TrainingConfig config, List<Bar> bars, int from,
            int to, int every, int maxH) {
        if (every < 1) {
            throw new IllegalArgumentException("--refit-every must be at least 1, got " + every);
        }
        int[] origins = new int[0];
        double[][] points = new double[0][];
        int fits = 0;
        long started = System.nanoTime();
        for (int block = from; block < to; block += every) {
            List<Bar> seen = bars.subList(0, block + 1);
            Forecaster forecaster = fit(series, family, config, seen);
            fits++;
            Forecasts part = Backtest.forecast(bars, forecaster, block, Math.min(to, block + every), maxH);
            origins = concat(origins, part.origins());
            points = concat(points, part.points());
        }
        log.accept(series + ": " + fits + " refits every " + every + " origins, " + String.format("%.1f",
                (System.nanoTime() - started) / 1e9) + " s");
        return new Forecasts(origins, points, config.target());
    }

    private Forecaster fit(Series series, ModelFamily family, TrainingConfig config, List<Bar> seen) {
        double share = config.validationFraction() / (1 - config.testFraction());
        int trainEnd = (int) Math.round(seen.size() * (1 - share));
        if (family.isBaseline()) {
            return Baselines.forecaster(Baselines.scaling(family, seen.subList(0, trainEnd), config.target()),
                    config.maxHorizon(), series.interval());
        }
        return pipeline.fit(series, seen, config, new Split(trainEnd, seen.size(), seen.size())).forecaster();
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
