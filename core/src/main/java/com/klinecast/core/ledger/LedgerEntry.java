package com.klinecast.core.ledger;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.volatility.VarianceMeasure;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One recorded forecast: what the champion of {@code series}' {@code target} forecast from the candle opened at
 * {@code origin}, for horizons 1..{@code points.length}, and the scores of the horizons that have matured.
 *
 * <p>A volatility entry holds the forecast mean daily variance over the next h days in {@code points}, the origin
 * day's variance (naive volatility's forecast at every horizon) in {@code originValue}, no band, and the measure
 * of a day's variance it forecast in {@code variance}, by which it is scored.
 *
 * @param originValue the origin candle's close (or volume, or variance): naive's forecast at every horizon
 * @param band the version's band method, null without a band (then {@code quantiles} is null too)
 * @param quantiles per horizon, the {@code Levels.LEVELS} quantiles
 * @param scores by horizon, those scored so far
 * @param variance how a day's variance is measured; null except for the volatility target
 */
public record LedgerEntry(Series series, Target target, long origin, int version, String family, String band,
        double originValue, double[] points, double[][] quantiles, Instant recordedAt, Map<Integer, Score> scores,
        VarianceMeasure variance) {

    public LedgerEntry {
        scores = new TreeMap<>(scores);
    }

    /** A close or volume entry. */
    public LedgerEntry(Series series, Target target, long origin, int version, String family, String band,
            double originValue, double[] points, double[][] quantiles, Instant recordedAt,
            Map<Integer, Score> scores) {
        this(series, target, origin, version, family, band, originValue, points, quantiles, recordedAt, scores,
                null);
    }

    public int horizons() {
        return points.length;
    }

    /** The same entry with {@code score} added. */
    public LedgerEntry with(Score score) {
        Map<Integer, Score> more = new TreeMap<>(scores);
        more.put(score.horizon(), score);
        return new LedgerEntry(series, target, origin, version, family, band, originValue, points, quantiles,
                recordedAt, more, variance);
    }

    /** Open time of the candle horizon {@code h} forecasts. */
    public long targetTime(int h) {
        long t = origin;
        for (int i = 0; i < h; i++) {
            t = series.interval().nextOpenTime(t);
        }
        return t;
    }
}
