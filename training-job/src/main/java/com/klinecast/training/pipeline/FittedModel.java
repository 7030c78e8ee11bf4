package com.klinecast.training.pipeline;

import com.klinecast.core.dataset.Split;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.Scaling;
import com.klinecast.core.forecast.portable.PortableNetwork;
import com.klinecast.training.model.TrainingResult;

/**
 * A trained network before any backtest: what training on a split's training bars, stopped early on its validation
 * bars, gives. The training pipeline goes on to the test split; the tuner scores it on validation only.
 *
 * @param forecaster the portable network behind the configured forecast mode, as the predictor will run it
 */
public record FittedModel(Split split, Scaling scaling, PortableNetwork portable, TrainingResult training,
        Forecaster forecaster) {
}
