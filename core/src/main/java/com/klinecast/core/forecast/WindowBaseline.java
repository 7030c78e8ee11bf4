package com.klinecast.core.forecast;

import com.klinecast.core.series.Target;
import java.util.List;

/**
 * The "scaling" of a baseline that reads the last {@code days} values of the target itself: its outputs are
 * ignored and the forecast is a rule over the window, so it runs through the same {@link Forecaster} as every
 * model. {@code seasonal} repeats the value of the same step one season ago (days 7 on daily bars: the same
 * weekday last week); {@code mean} repeats the mean of the window.
 */
public record WindowBaseline(Rule rule, int days, Target target) implements Scaling {

    /** What the forecast is made of. */
    public enum Rule { SEASONAL, MEAN }

    public WindowBaseline {
        if (rule == null || days < 1 || target == null || target == Target.VOLATILITY) {
            throw new IllegalArgumentException("a window baseline needs a rule, days >= 1 and a bar's target");
        }
    }

    @Override
    public int barsFor(int steps) {
        return days;
    }

    @Override
    public double[][] inputs(List<Bar> window) {
        return new double[window.size()][1];
    }

    @Override
    public double target(List<Bar> window, Bar future, int horizon) {
        throw new UnsupportedOperationException("a window baseline is not trained");
    }

    @Override
    public double close(List<Bar> window, double output, int horizon) {
        List<Bar> last = window.subList(window.size() - days, window.size());
        if (rule == Rule.SEASONAL) {
            // Step t + h is the same point of the season as t + h - days·k; the window holds t - days + 1 .. t.
            return last.get((horizon - 1) % days).get(target);
        }
        double sum = 0;
        for (Bar b : last) {
            sum += b.get(target);
        }
        return sum / days;
    }
}
