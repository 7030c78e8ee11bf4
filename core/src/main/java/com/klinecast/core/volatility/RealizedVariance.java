package com.klinecast.core.volatility;

import com.klinecast.core.forecast.Bar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily variances that use the day's 1h candles where all 24 of them are held: the day's variance is then the
 * sum of its 24 hourly range variances (each by the same {@link VarianceProxy}), otherwise the daily candle's own.
 *
 * <p>Why hourly ranges rather than the textbook sum of squared hourly log returns: a range estimator is about five
 * times as efficient as a squared return per interval (Parkinson 1980), so 24 hourly ranges are a less noisy
 * measure of the day than 24 squared returns; each hour is measured from its own candle, so a missing hour
 * cannot leak into a neighbour's return and a day's value needs that day's candles only; and the daily fallback is
 * the same estimator, so covered and uncovered days measure the same quantity (a crypto market trades through
 * the night, so the hours leave no gaps between them to miss). Summing ranges over short intervals loses a little
 * of the extremes a single daily range catches; the sum is typically a few percent above or below the daily range's
 * variance, not a different scale.
 */
public final class RealizedVariance {

    static final long HOUR = 3_600_000L;
    static final int HOURS = 24;

    private RealizedVariance() {
    }

    /**
     * The daily variances of {@code daily}, and which of them came from hours.
     *
     * @param realized how many days were measured from their 24 hourly candles
     * @param firstRealized open time of the first such day, or -1 when none
     * @param lastRealized open time of the last such day, or -1 when none
     */
    public record Days(double[] variance, int realized, long firstRealized, long lastRealized) {
    }

    /**
     * @param daily the 1d bars, oldest first
     * @param hourly the same symbol's 1h bars in any order (empty when the table holds none)
     */
    public static Days of(VarianceProxy proxy, List<Bar> daily, List<Bar> hourly) {
        Map<Long, Bar> byOpen = new HashMap<>();
        for (Bar b : hourly) {
            byOpen.put(b.openTime(), b);
        }
        double[] v = new double[daily.size()];
        int realized = 0;
        long first = -1;
        long last = -1;
        for (int i = 0; i < v.length; i++) {
            Bar day = daily.get(i);
            double sum = byOpen.isEmpty() ? Double.NaN : hours(proxy, byOpen, day.openTime());
            if (Double.isNaN(sum)) {
                v[i] = proxy.of(day);
            } else {
                v[i] = Math.max(VarianceProxy.FLOOR, sum);
                realized++;
                first = first < 0 ? day.openTime() : first;
                last = day.openTime();
            }
        }
        return new Days(v, realized, first, last);
    }

    /** The sum of the day's 24 hourly variances, or NaN when an hour is missing. */
    private static double hours(VarianceProxy proxy, Map<Long, Bar> byOpen, long dayOpen) {
        double sum = 0;
        for (int h = 0; h < HOURS; h++) {
            Bar hour = byOpen.get(dayOpen + h * HOUR);
            if (hour == null) {
                return Double.NaN;
            }
            // The unfloored estimate: a flat hour adds nothing, it does not add the floor.
            sum += proxy.estimate(hour);
        }
        return sum;
    }
}
