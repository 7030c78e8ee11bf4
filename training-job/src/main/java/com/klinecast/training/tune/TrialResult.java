package com.klinecast.training.tune;

import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.training.config.TrainingConfig;

/**
 * A trial trained and scored on the validation split.
 *
 * @param config the base configuration with the trial's values over it: what the winner is retrained with
 * @param validation walk-forward backtest from validation origins, judged on validation closes only
 * @param score mean MASE over the config's horizons on {@code validation} (lower is better; NaN ranks last)
 * @param bestValidationLoss the early-stopping loss, in the trial's own scaled units (not comparable across scalings)
 * @param lastBarSeen open time (ISO-8601) of the last bar the trial was given: the end of the validation split
 * @param seconds wall time of the trial, training and scoring
 */
public record TrialResult(Trial trial, TrainingConfig config, BacktestReport validation, double score,
        double bestValidationLoss, int bestEpoch, int epochsRun, int barsSeen, String lastBarSeen, double seconds) {
}
