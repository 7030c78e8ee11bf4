package com.klinecast.training.pipeline;

import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.forecast.Scaling;
import com.klinecast.core.forecast.portable.PortableNetwork;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.model.TrainingResult;

/**
 * A trained and evaluated model, ready to publish: the DL4J network, the portable network the predictor runs,
 * the scaling fitted on the training split, and the honest numbers ({@link Evaluation}: the band chosen on
 * validation, the test backtest beside naive).
 */
public record TrainedModel(Series series, TrainingConfig config, Scaling scaling, PortableNetwork portable,
        TrainingResult training, DataRange data, Evaluation evaluation, double seconds) {

    /** The walk-forward backtest on the test split, beside the naive forecast. */
    public BacktestReport test() {
        return evaluation.test();
    }
}
