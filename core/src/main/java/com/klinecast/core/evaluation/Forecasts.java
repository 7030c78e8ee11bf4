package com.klinecast.core.evaluation;

import com.klinecast.core.series.Target;
import java.util.Objects;

/**
 * Forecasts made from each origin: {@code closes[k][h - 1]} is the close (the volume, for a volume target) predicted
 * h steps after origins[k].
 */
public record Forecasts(int[] origins, double[][] closes, Target target) {

    public Forecasts {
        Objects.requireNonNull(target, "target");
    }

    public int maxHorizon() {
        return closes.length == 0 ? 0 : closes[0].length;
    }
}
