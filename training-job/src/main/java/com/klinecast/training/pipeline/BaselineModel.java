package com.klinecast.training.pipeline;

import com.klinecast.core.dataset.Split;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Baselines;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.Scaling;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import java.util.List;

/**
 * A baseline (naive, drift, or for volume seasonal naive and mean7) on the same split, band selection and test backtest as a network trained with
 * {@code config}: what it is compared with, and what is published as its version.
 */
public record BaselineModel(ModelFamily family, Scaling scaling, Forecaster forecaster, DataRange data,
        Evaluation evaluation) {

    public static BaselineModel evaluate(ModelFamily family, Series series, List<Bar> bars, Split split,
            TrainingConfig config) {
        Scaling scaling = Baselines.scaling(family, bars.subList(0, split.trainEnd()), config.target());
        Forecaster forecaster = Baselines.forecaster(scaling, config.maxHorizon(), series.interval());
        return new BaselineModel(family, scaling, forecaster, DataRange.of(bars, split),
                Evaluation.of(bars, forecaster, split, config.horizonArray(), config.maxHorizon(), 0));
    }
}
