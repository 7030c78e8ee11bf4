package com.klinecast.training.pipeline;

import com.klinecast.core.bands.BandChoice;
import com.klinecast.core.bands.BandSelection;
import com.klinecast.core.bands.StaticRandomWalk;
import com.klinecast.core.dataset.Split;
import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.series.Target;
import java.util.List;

/**
 * What every model, trained or baseline, is judged by: its band chosen before the test split, then the
 * rolling-origin backtest of the test split with that band, scored against the static random-walk band. A volume
 * model has no band (the methods model price returns).
 *
 * @param bands the band and the fold scores that chose it; null for a volume model
 * @param onTest the forecasts from every test origin (what the champion rule compares)
 */
public record Evaluation(BandChoice bands, Forecasts onTest, BacktestReport test) {

    /**
     * @param selectionFrom the first origin whose forecasts the band selection may score: the validation split's
     *     first for a trained network (before it, its points are fitted to the targets), any earlier one for a
     *     baseline, which has no weights (drift's one mean is the training split's)
     */
    public static Evaluation of(List<Bar> bars, Forecaster forecaster, Split split, int[] horizons, int maxH,
            int selectionFrom) {
        BandChoice bands = null;
        StaticRandomWalk reference = null;
        if (forecaster.target() == Target.CLOSE) {
            Forecasts beforeTest = Backtest.forecast(bars, forecaster, Math.min(selectionFrom, split.trainEnd() - 1),
                    split.validationEnd() - 1, maxH);
            bands = BandSelection.choose(bars, beforeTest, split.trainEnd(), split.validationEnd(), horizons);
            reference = StaticRandomWalk.fit(bars.subList(0, split.trainEnd()), maxH);
        }
        Forecasts onTest = Backtest.forecast(bars, forecaster, split.validationEnd() - 1, bars.size() - 1, maxH);
        BacktestReport test = Backtest.evaluate(bars, onTest, horizons, bands == null ? null : bands.band(),
                reference);
        return new Evaluation(bands, onTest, test);
    }
}
