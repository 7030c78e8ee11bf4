package com.klinecast.core.forecast;

import com.klinecast.core.series.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-step forecasts by recursion, as the reference UI did: predict the next close, append it as a bar
 * ({@link Bar#next}), predict again. The backtest and the predictor both use this class, so what is evaluated is
 * exactly what is served.
 */
public final class Forecaster {

    private final StepModel model;
    private final Scaling scaling;
    private final int steps;
    private final Interval interval;

    public Forecaster(StepModel model, Scaling scaling, int steps, Interval interval) {
        this.model = model;
        this.scaling = scaling;
        this.steps = steps;
        this.interval = interval;
    }

    /** Bars of history a forecast needs. */
    public int barsNeeded() {
        return scaling.barsFor(steps);
    }

    /** Predicted closes for the next {@code horizons} intervals after the last bar of {@code history}. */
    public double[] closes(List<Bar> history, int horizons) {
        int need = barsNeeded();
        if (history.size() < need) {
            throw new IllegalArgumentException("a forecast needs " + need + " bars of history, got " + history.size());
        }
        List<Bar> bars = new ArrayList<>(history.subList(history.size() - need, history.size()));
        double[] closes = new double[horizons];
        for (int h = 0; h < horizons; h++) {
            List<Bar> window = bars.subList(bars.size() - need, bars.size());
            double close = scaling.close(window, model.predict(scaling.inputs(window))[0]);
            closes[h] = close;
            Bar last = bars.get(bars.size() - 1);
            bars.add(last.next(interval.nextOpenTime(last.openTime()), close));
        }
        return closes;
    }
}
