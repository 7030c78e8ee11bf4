package com.klinecast.core.forecast;

import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Multi-step forecasts from a trained network, in one of two {@link Mode}s. The backtest and the predictor both use
 * this class, so what is evaluated is exactly what is served.
 */
public final class Forecaster {

    /** How a forecast reaches beyond the next step; named in configuration as {@code recursive} or {@code direct}. */
    public enum Mode {
        /**
         * As the reference UI did: predict the next close, append it as a bar ({@link Bar#next}), predict again.
         * Any horizon, but errors compound and the flat appended bars are unlike anything seen in training.
         */
        RECURSIVE,
        /** One forward pass: output h - 1 of the network is the scaled close h steps ahead; at most H horizons. */
        DIRECT;

        public static Mode of(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("unknown forecast '" + name + "': use recursive or direct");
            }
        }
    }

    private final Mode mode;
    private final StepModel model;
    private final Scaling scaling;
    private final int steps;
    private final Interval interval;

    public Forecaster(Mode mode, StepModel model, Scaling scaling, int steps, Interval interval) {
        this.mode = mode;
        this.model = model;
        this.scaling = scaling;
        this.steps = steps;
        this.interval = interval;
    }

    public Mode mode() {
        return mode;
    }

    /** What the forecasts are of: the scaling's target (the close, or the volume of a volume model). */
    public Target target() {
        return scaling.target();
    }

    /** Bars of history a forecast needs. */
    public int barsNeeded() {
        return scaling.barsFor(steps);
    }

    /**
     * The target's predicted values (closes, or volumes for a volume model: see {@link #target()}) for the next
     * {@code horizons} intervals after the last bar of {@code history}.
     */
    public double[] forecast(List<Bar> history, int horizons) {
        int need = barsNeeded();
        if (history.size() < need) {
            throw new IllegalArgumentException("a forecast needs " + need + " bars of history, got " + history.size());
        }
        List<Bar> window = history.subList(history.size() - need, history.size());
        return mode == Mode.DIRECT ? direct(window, horizons) : recursive(window, horizons);
    }

    private double[] direct(List<Bar> window, int horizons) {
        double[] outputs = model.predict(scaling.inputs(window));
        if (outputs.length < horizons) {
            throw new IllegalArgumentException("this direct model forecasts " + outputs.length + " horizons, "
                    + horizons + " were asked for");
        }
        double[] closes = new double[horizons];
        for (int h = 1; h <= horizons; h++) {
            closes[h - 1] = scaling.close(window, outputs[h - 1], h);
        }
        return closes;
    }

    private double[] recursive(List<Bar> window, int horizons) {
        int need = window.size();
        List<Bar> bars = new ArrayList<>(window);
        double[] closes = new double[horizons];
        for (int h = 0; h < horizons; h++) {
            List<Bar> current = bars.subList(bars.size() - need, bars.size());
            double close = scaling.close(current, model.predict(scaling.inputs(current))[0], 1);
            closes[h] = close;
            Bar last = bars.get(bars.size() - 1);
            bars.add(last.next(interval.nextOpenTime(last.openTime()), close, scaling.target()));
        }
        return closes;
    }
}
