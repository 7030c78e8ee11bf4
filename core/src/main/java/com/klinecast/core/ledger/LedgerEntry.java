package com.klinecast.core.ledger;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One recorded forecast: what the champion of {@code series}' {@code target} forecast from the candle opened at
 * {@code origin}, for horizons 1..{@code points.length}, and the scores of the horizons that have matured.
 *
 * @param originValue the origin candle's close (or volume): naive's forecast at every horizon
 * @param band the version's band method, null without a band (then {@code quantiles} is null too)
 * @param quantiles per horizon, the {@code Levels.LEVELS} quantiles
 * @param scores by horizon, those scored so far
 */
public record LedgerEntry(Series series, Target target, long origin, int version, String family, String band,
        double originValue, double[] points, double[][] quantiles, Instant recordedAt, Map<Integer, Score> scores) {

    public LedgerEntry {
        scores = new TreeMap<>(scores);
    }

    public int horizons() {
        return points.length;
    }

    /** The same entry with {@code score} added. */
    public LedgerEntry with(Score score) {
        Map<Integer, Score> more = new TreeMap<>(scores);
        more.put(score.horizon(), score);
        return new LedgerEntry(series, target, origin, version, family, band, originValue, points, quantiles,
                recordedAt, more);
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
