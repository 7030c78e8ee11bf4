package com.klinecast.training.tune;

import com.klinecast.core.dataset.Split;
import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.model.EpochListener;
import com.klinecast.training.pipeline.FittedModel;
import com.klinecast.training.pipeline.TrainingPipeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hyper-parameter search on the validation split: each trial is trained by the training pipeline on the training
 * split, stopped early on the validation split, and scored there ({@link ValidationScore}). Trials are handed only
 * the bars up to the end of the validation split, so the test split stays unseen until the winner's own training
 * run backtests it. Trials run one after another: with one OpenMP thread each, as training is bit-reproducible.
 */
public final class Tuner {

    private final Consumer<TrialResult> onTrial;

    /** @param onTrial told as each trial finishes (the CLI prints a progress line) */
    public Tuner(Consumer<TrialResult> onTrial) {
        this.onTrial = onTrial;
    }

    /**
     * @param bars the whole series; its split comes from {@code base}'s fractions, as a training run's does
     * @param trials from {@link Grid#all()} or {@link Grid#sample}
     */
    public Leaderboard run(Series series, List<Bar> bars, TrainingConfig base, List<Trial> trials, Grid grid) {
        // Every trial's config is checked before the first one trains.
        List<TrainingConfig> configs = trials.stream().map(t -> t.apply(base)).toList();
        Split full = Split.of(bars.size(), base.validationFraction(), base.testFraction());
        List<Bar> seen = bars.subList(0, full.validationEnd());
        Split split = new Split(full.trainEnd(), full.validationEnd(), seen.size());
        TrainingPipeline pipeline = new TrainingPipeline(EpochListener.NONE, line -> { });
        List<TrialResult> results = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            long started = System.nanoTime();
            TrainingConfig config = configs.get(i);
            FittedModel fitted = pipeline.fit(series, seen, config, split);
            BacktestReport validation = ValidationScore.backtest(seen, fitted, config);
            TrialResult result = new TrialResult(trials.get(i), config, validation, ValidationScore.of(validation),
                    fitted.training().bestValidationLoss(), fitted.training().bestEpoch(), fitted.training().epochsRun(), seen.size(),
                    Instant.ofEpochMilli(seen.get(seen.size() - 1).openTime()).toString(),
                    (System.nanoTime() - started) / 1e9);
            results.add(result);
            onTrial.accept(result);
        }
        return new Leaderboard(results, grid.varying());
    }
}
