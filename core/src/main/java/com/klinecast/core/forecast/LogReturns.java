package com.klinecast.core.forecast;

import com.klinecast.core.forecast.Bar.Column;
import com.klinecast.core.series.Target;
import java.util.List;
import java.util.Objects;

/**
 * Scale-free inputs and target: each price column as the log of its ratio to the previous close, volume as the
 * log change from the previous volume, standardised with the training split's means and deviations; the target
 * is the log return from the window's last close, and the price is rebuilt from that close. Nothing depends on the
 * price level, so new highs are no different from old ones.
 *
 * <p>An h-step target is standardised as a sum of h one-step returns would be if they were independent (mean
 * h·μ, deviation √h·σ), so every output of a direct model has about unit variance and the 30-step output does not
 * dominate the loss. At h = 1 this is exactly the one-step scaling.
 *
 * <p>A volume target is the log change of the volume from the window's last volume instead, built the same way.
 */
public record LogReturns(List<Column> columns, double[] mean, double[] std, Target target) implements Scaling {

    public LogReturns {
        Objects.requireNonNull(target, "target");
    }

    /** Fits means and deviations on the training bars only (the last index for the target's own moments). */
    public static LogReturns fit(List<Column> columns, List<Bar> training, Target target) {
        int n = columns.size() + 1;
        double[] sum = new double[n];
        double[] squares = new double[n];
        int count = 0;
        for (int t = 1; t < training.size(); t++) {
            double[] raw = raw(columns, training.get(t - 1), training.get(t));
            for (int c = 0; c < columns.size(); c++) {
                sum[c] += raw[c];
                squares[c] += raw[c] * raw[c];
            }
            double change = change(target, training.get(t - 1), training.get(t));
            sum[n - 1] += change;
            squares[n - 1] += change * change;
            count++;
        }
        double[] mean = new double[n];
        double[] std = new double[n];
        for (int c = 0; c < n; c++) {
            mean[c] = sum[c] / count;
            std[c] = Math.sqrt(Math.max(squares[c] / count - mean[c] * mean[c], 1e-18));
        }
        return new LogReturns(List.copyOf(columns), mean, std, target);
    }

    /** One more bar than steps: each step is a change from the bar before it. */
    @Override
    public int barsFor(int steps) {
        return steps + 1;
    }

    @Override
    public double[][] inputs(List<Bar> window) {
        // The first bar has no predecessor inside the window: it serves as the base and is not an input step.
        double[][] x = new double[window.size() - 1][columns.size()];
        for (int t = 1; t < window.size(); t++) {
            double[] raw = raw(columns, window.get(t - 1), window.get(t));
            for (int c = 0; c < columns.size(); c++) {
                x[t - 1][c] = (raw[c] - mean[c]) / std[c];
            }
        }
        return x;
    }

    @Override
    public double target(List<Bar> window, Bar future, int horizon) {
        int k = columns.size();
        double logReturn = change(target, window.get(window.size() - 1), future);
        return (logReturn - horizon * mean[k]) / (Math.sqrt(horizon) * std[k]);
    }

    @Override
    public double close(List<Bar> window, double output, int horizon) {
        int k = columns.size();
        double growth = Math.exp(output * Math.sqrt(horizon) * std[k] + horizon * mean[k]);
        Bar last = window.get(window.size() - 1);
        return target == Target.VOLUME ? (last.volume() + 1e-9) * growth - 1e-9 : last.close() * growth;
    }

    /** The log change of the target from {@code from} to {@code to}; volumes offset as the inputs are. */
    private static double change(Target target, Bar from, Bar to) {
        return target == Target.VOLUME ? Math.log((to.volume() + 1e-9) / (from.volume() + 1e-9))
                : Math.log(to.close() / from.close());
    }

    private static double[] raw(List<Column> columns, Bar previous, Bar bar) {
        double[] out = new double[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            out[c] = column == Column.VOLUME
                    ? Math.log((bar.volume() + 1e-9) / (previous.volume() + 1e-9))
                    : Math.log(bar.get(column) / previous.close());
        }
        return out;
    }
}
