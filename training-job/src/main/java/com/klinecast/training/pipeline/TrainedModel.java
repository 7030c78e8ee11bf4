package com.klinecast.training.pipeline;

import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.evaluation.ResidualIntervals;
import com.klinecast.core.forecast.Scaling;
import com.klinecast.core.forecast.portable.PortableNetwork;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.model.TrainingResult;

/**
 * A trained and evaluated model, ready to publish: the DL4J network, the portable network the predictor runs,
 * the scaling fitted on the training split, and the honest numbers.
 *
 * @param test the walk-forward backtest on the test split, beside the naive forecast
 * @param intervals the 80% intervals fitted on validation residuals
 */
public record TrainedModel(Series series, TrainingConfig config, Scaling scaling, PortableNetwork portable,
        TrainingResult training, DataRange data, BacktestReport test, ResidualIntervals intervals, double seconds) {
}
