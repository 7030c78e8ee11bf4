package com.klinecast.training.tune;

import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.evaluation.HorizonMetrics;
import com.klinecast.core.forecast.Bar;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.pipeline.FittedModel;
import java.util.List;

/**
 * How a trial is judged: a walk-forward backtest from every validation origin (from the last training bar on),
 * judged only on closes inside the validation split, and the mean over the config's horizons of MASE, the model's
 * MAE over the naive forecast's on the same origins. MASE is in price terms, so configs that scale differently
 * (whose validation losses are in different units) compare fairly; below 1 beats naive.
 */
public final class ValidationScore {

    private ValidationScore() {
    }

    /** @param seen the bars up to the end of the validation split, and no further */
    public static BacktestReport backtest(List<Bar> seen, FittedModel fitted, TrainingConfig config) {
        int trainEnd = fitted.split().trainEnd();
        int validationEnd = fitted.split().validationEnd();
        List<Bar> upToValidationEnd = seen.subList(0, validationEnd);
        // evaluate() skips origins whose target lies past the list's end, i.e. in the test split.
        return Backtest.evaluate(upToValidationEnd, Backtest.forecast(upToValidationEnd, fitted.forecaster(),
                trainEnd - 1, validationEnd - 1, config.maxHorizon()),
                config.horizons().stream().mapToInt(Integer::intValue).toArray());
    }

    public static double of(BacktestReport validation) {
        return validation.horizons().stream().mapToDouble(HorizonMetrics::mase).average().orElse(Double.NaN);
    }
}
