package com.klinecast.core.forecast;

import com.klinecast.core.series.Target;
import java.util.Objects;

/**
 * Point forecasts made from each origin: {@code points[k][h - 1]} is the target's value (a close, a volume) predicted
 * h steps after origins[k].
 */
public record Forecasts(int[] origins, double[][] points, Target target) {

    public Forecasts {
        Objects.requireNonNull(target, "target");
    }

    public int maxHorizon() {
        return points.length == 0 ? 0 : points[0].length;
    }
}
