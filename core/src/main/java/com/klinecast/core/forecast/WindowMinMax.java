package com.klinecast.core.forecast;

import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.series.Target;
import java.util.List;
import java.util.Objects;

/**
 * Each window scaled by its own min and max per column (one reference prototype's approach), prices sharing the
 * window's price range, so a forecast can leave any historical range. The target is the next close on the
 * window's price scale; {@code buffer} widens the range so a move past the window's extremes stays near [0, 1].
 * A volume target is read on the window's volume range, widened the same way.
 */
public record WindowMinMax(List<Column> columns, double buffer, Target target) implements Scaling {

    public WindowMinMax {
        Objects.requireNonNull(target, "target");
    }

    @Override
    public double[][] inputs(List<Bar> window) {
        double[] priceRange = priceRange(window);
        double[][] x = new double[window.size()][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            double lo;
            double hi;
            if (column == Column.VOLUME) {
                lo = Double.POSITIVE_INFINITY;
                hi = Double.NEGATIVE_INFINITY;
                for (Bar bar : window) {
                    lo = Math.min(lo, bar.volume());
                    hi = Math.max(hi, bar.volume());
                }
            } else {
                lo = priceRange[0];
                hi = priceRange[1];
            }
            for (int t = 0; t < window.size(); t++) {
                x[t][c] = hi == lo ? 0.5 : (window.get(t).get(column) - lo) / (hi - lo);
            }
        }
        return x;
    }

    /** The scaled target itself, whatever the horizon: the scale does not depend on how far ahead it is. */
    @Override
    public double target(List<Bar> window, Bar future, int horizon) {
        double[] range = targetRange(window);
        return (future.get(target) - range[0]) / (range[1] - range[0]);
    }

    @Override
    public double close(List<Bar> window, double output, int horizon) {
        double[] range = targetRange(window);
        return range[0] + output * (range[1] - range[0]);
    }

    private double[] targetRange(List<Bar> window) {
        return target == Target.VOLUME ? volumeRange(window) : priceRange(window);
    }

    /** The window's volume range, widened by {@code buffer} like the price range (never empty). */
    private double[] volumeRange(List<Bar> window) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Bar bar : window) {
            lo = Math.min(lo, bar.volume());
            hi = Math.max(hi, bar.volume());
        }
        double pad = Math.max(Math.max((hi - lo) * buffer, hi * 1e-9), 1e-12);
        return new double[] {lo - pad, hi + pad};
    }

    /** The window's low and high over all prices, widened by {@code buffer} of the span on each side. */
    private double[] priceRange(List<Bar> window) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Bar bar : window) {
            lo = Math.min(lo, bar.low());
            hi = Math.max(hi, bar.high());
        }
        double pad = Math.max((hi - lo) * buffer, hi * 1e-9);
        return new double[] {lo - pad, hi + pad};
    }
}
