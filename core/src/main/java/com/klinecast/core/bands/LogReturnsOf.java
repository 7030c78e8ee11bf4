package com.klinecast.core.bands;

import com.klinecast.core.forecast.Bar;
import java.util.List;

/** One-step log returns of closes, and the window of history a band reads. */
final class LogReturnsOf {

    private LogReturnsOf() {
    }

    static double[] of(List<Bar> bars) {
        double[] r = new double[Math.max(0, bars.size() - 1)];
        for (int t = 1; t < bars.size(); t++) {
            r[t - 1] = Math.log(bars.get(t).close() / bars.get(t - 1).close());
        }
        return r;
    }

    /** The last {@code bars} bars of the history (all of it when shorter). */
    static List<Bar> last(List<Bar> history, int bars) {
        return history.subList(Math.max(0, history.size() - bars), history.size());
    }

    static double variance(double[] r) {
        double mean = 0;
        for (double v : r) {
            mean += v;
        }
        mean /= r.length;
        double sum = 0;
        for (double v : r) {
            sum += (v - mean) * (v - mean);
        }
        return sum / Math.max(1, r.length - 1);
    }
}
