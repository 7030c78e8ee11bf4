package com.klinecast.core.evaluation;

import com.klinecast.core.series.Target;

/**
 * Forecasts made from each origin: {@code closes[k][h - 1]} is the close (the volume, for a volume target) predicted
 * h steps after origins[k].
 */
public record Forecasts(int[] origins, double[][] closes, Target target) {

    public Forecasts {
        target = target == null ? Target.CLOSE : target;
    }

    /** Close forecasts. */
    public Forecasts(int[] origins, double[][] closes) {
        this(origins, closes, Target.CLOSE);
    }

    public int maxHorizon() {
        return closes.length == 0 ? 0 : closes[0].length;
    }
}
