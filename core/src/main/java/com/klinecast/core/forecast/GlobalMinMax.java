package com.klinecast.core.forecast;

import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.series.Target;
import java.util.List;
import java.util.Objects;

/**
 * The reference prototypes' scaling: each column mapped to [0, 1] by the training split's min and max. Its known
 * limit: a price above the training maximum maps above 1, where the network has never been, so it cannot forecast
 * new highs well; the backtest shows it, and the default scaling is chosen by backtest.
 */
public record GlobalMinMax(List<Column> columns, double[] min, double[] max, Target target) implements Scaling {

    public GlobalMinMax {
        Objects.requireNonNull(target, "target");
    }

    /** Fits on the training bars only; the target's own column scales it, so it must be among the inputs. */
    public static GlobalMinMax fit(List<Column> columns, List<Bar> training, Target target) {
        double[] min = new double[columns.size()];
        double[] max = new double[columns.size()];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (Bar bar : training) {
            for (int c = 0; c < columns.size(); c++) {
                double v = bar.get(columns.get(c));
                min[c] = Math.min(min[c], v);
                max[c] = Math.max(max[c], v);
            }
        }
        return new GlobalMinMax(List.copyOf(columns), min, max, target);
    }

    @Override
    public double[][] inputs(List<Bar> window) {
        double[][] x = new double[window.size()][columns.size()];
        for (int t = 0; t < window.size(); t++) {
            for (int c = 0; c < columns.size(); c++) {
                x[t][c] = scale(window.get(t).get(columns.get(c)), c);
            }
        }
        return x;
    }

    /** The scaled target itself, whatever the horizon: the scale does not depend on how far ahead it is. */
    @Override
    public double target(List<Bar> window, Bar future, int horizon) {
        return scale(future.get(target), targetIndex());
    }

    @Override
    public double close(List<Bar> window, double output, int horizon) {
        int c = targetIndex();
        return min[c] + output * (max[c] - min[c]);
    }

    private double scale(double v, int c) {
        double span = max[c] - min[c];
        return span == 0 ? 0 : (v - min[c]) / span;
    }

    private int targetIndex() {
        int c = columns.indexOf(Bar.column(target));
        if (c < 0) {
            throw new IllegalStateException("global min-max needs " + Bar.column(target)
                    + " among the columns to scale the target");
        }
        return c;
    }
}
