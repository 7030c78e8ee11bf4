package com.klinecast.core.forecast;

import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.forecast.portable.BaselineNetwork;
import com.klinecast.core.series.Interval;
import java.util.List;

/**
 * The naive and drift forecasts as models: a {@link BaselineNetwork} behind a one-column {@link LogReturns}
 * scaling and a direct {@link Forecaster}, exactly the path a trained network's forecasts take.
 */
public final class Baselines {

    private Baselines() {
    }

    /**
     * The scaling of a baseline: the close's one-step log return, its deviation from {@code training}, its mean 0
     * for naive (the last close repeated) and the training split's mean for drift (last × exp(h × mean)).
     */
    public static LogReturns scaling(ModelFamily family, List<Bar> training) {
        if (!family.isBaseline()) {
            throw new IllegalArgumentException(family.code() + " is not a baseline");
        }
        LogReturns fitted = LogReturns.fit(List.of(Column.CLOSE), training);
        double mean = family == ModelFamily.DRIFT ? fitted.mean()[1] : 0;
        return new LogReturns(List.of(Column.CLOSE), new double[] {fitted.mean()[0], mean}, fitted.std());
    }

    public static Forecaster forecaster(LogReturns scaling, int maxHorizon, Interval interval) {
        return new Forecaster(Forecaster.Mode.DIRECT, new BaselineNetwork(maxHorizon), scaling, 1, interval);
    }
}
