package com.klinecast.core.forecast;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.klinecast.core.series.Target;
import java.util.List;

/**
 * How bars become a model's inputs and its output becomes a price (or, for a volume model, a volume: "close" in
 * the method names below is the target's value). Parameters are fitted on the training split
 * only and travel with the model (never recomputed from the data at prediction time).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = GlobalMinMax.class, name = "global_minmax"),
    @JsonSubTypes.Type(value = WindowMinMax.class, name = "window_minmax"),
    @JsonSubTypes.Type(value = LogReturns.class, name = "log_return"),
    @JsonSubTypes.Type(value = WindowBaseline.class, name = "window_baseline")})
public sealed interface Scaling permits GlobalMinMax, WindowMinMax, LogReturns, WindowBaseline {

    /** Bars a window needs to give the model {@code steps} input steps. */
    default int barsFor(int steps) {
        return steps;
    }

    /** The input matrix for a window of bars (oldest first): rows are time steps, columns {@code columns}. */
    double[][] inputs(List<Bar> window);

    /**
     * The training target for {@code future}, the bar {@code horizon} steps after the window's last bar (1: the
     * next bar, as a recursive model learns; 1..H for the H outputs of a direct model).
     */
    double target(List<Bar> window, Bar future, int horizon);

    /**
     * The close price (the volume, for a volume target) a model output for {@code horizon} stands for, given the
     * window it was computed from.
     */
    double close(List<Bar> window, double output, int horizon);

    /**
     * What the outputs stand for. Scalers stored before targets existed have no such field and read as the close.
     */
    Target target();

    /** The kinds, as named in configuration. */
    enum Kind { GLOBAL_MINMAX, WINDOW_MINMAX, LOG_RETURN }
}
