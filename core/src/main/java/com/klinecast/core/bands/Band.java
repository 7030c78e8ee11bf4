package com.klinecast.core.bands;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.klinecast.core.forecast.Bar;
import java.util.List;

/**
 * A band method with its fitted parameters: stored in a version's manifest ({@code metrics.band}) and run the same
 * way by the backtest and the predictor. Offsets are log ratios of the quantile to the point forecast, so the
 * quantile is {@code point * exp(offset)}; {@code offsets(history, H)[h - 1]} are the levels' offsets at horizon h,
 * ascending.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StaticRandomWalk.class, name = StaticRandomWalk.METHOD),
    @JsonSubTypes.Type(value = Ewma.class, name = Ewma.METHOD),
    @JsonSubTypes.Type(value = Garch.class, name = Garch.METHOD),
    @JsonSubTypes.Type(value = Conformal.class, name = Conformal.METHOD),
    @JsonSubTypes.Type(value = VolatilityScaled.class, name = VolatilityScaled.METHOD),
    @JsonSubTypes.Type(value = Adaptive.class, name = Adaptive.METHOD)})
public sealed interface Band permits StaticRandomWalk, Ewma, Garch, Conformal, VolatilityScaled, Adaptive {

    /** Bars of history the method reads (the last ones before the forecast): what the predictor must fetch. */
    int barsNeeded();

    /** Offsets for horizons 1..{@code horizons} after the last bar of {@code history}. */
    double[][] offsets(List<Bar> history, int horizons);

    /** The method's name in the API and the manifest. */
    String method();

    /** The quantiles themselves: each level's offset applied to the point forecast of its horizon. */
    default double[][] quantiles(List<Bar> history, double[] points) {
        double[][] offsets = offsets(history, points.length);
        double[][] out = new double[points.length][];
        for (int h = 0; h < points.length; h++) {
            out[h] = Levels.around(points[h], offsets[h]);
        }
        return out;
    }
}
