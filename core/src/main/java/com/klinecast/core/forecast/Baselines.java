package com.klinecast.core.forecast;

import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Target;
import java.util.List;

/**
 * The baseline forecasts as models: a {@link BaselineNetwork} behind a one-column {@link LogReturns} scaling
 * (naive, drift) or a {@link WindowBaseline} (seasonal naive, mean7), and a direct {@link Forecaster}, exactly
 * the path a trained network's forecasts take.
 */
public final class Baselines {

    /** The season of daily volume: trading differs by weekday. */
    private static final int WEEK = 7;

    private Baselines() {
    }

    /**
     * The scaling of a baseline: the target's one-step log return, its deviation from {@code training}, its mean 0
     * for naive (the last value repeated) and the training split's mean for drift (last × exp(h × mean)). A volume
     * baseline repeats (or drifts) the last volume; seasonal naive repeats the week before the origin day by day,
     * mean7 its mean ({@link WindowBaseline}).
     */
    public static Scaling scaling(ModelFamily family, List<Bar> training, Target target) {
        if (!family.isBaseline()) {
            throw new IllegalArgumentException(family.code() + " is not a baseline");
        }
        if (family == ModelFamily.SEASONAL_NAIVE || family == ModelFamily.MEAN7) {
            return new WindowBaseline(family == ModelFamily.MEAN7 ? WindowBaseline.Rule.MEAN
                    : WindowBaseline.Rule.SEASONAL, WEEK, target);
        }
        List<Column> columns = List.of(Bar.column(target));
        LogReturns fitted = LogReturns.fit(columns, training, target);
        double mean = family == ModelFamily.DRIFT ? fitted.mean()[1] : 0;
        return new LogReturns(columns, new double[] {fitted.mean()[0], mean}, fitted.std(), target);
    }

    public static Forecaster forecaster(Scaling scaling, int maxHorizon, Interval interval) {
        return new Forecaster(Forecaster.Mode.DIRECT, new BaselineNetwork(maxHorizon), scaling, 1, interval);
    }
}
