package com.klinecast.core.ledger;

import com.klinecast.core.bands.Levels;
import com.klinecast.core.evaluation.stats.QuantileScores;
import com.klinecast.core.volatility.VolatilityLoss;

/**
 * How one horizon of a recorded forecast did once its candle closed: the close (or volume) that happened, the
 * forecast's absolute error, naive's (the origin's value repeated) on the same origin, whether each central band
 * held it, and the mean pinball loss over the quantiles. Band fields are null for a forecast without quantiles.
 * For volatility, {@code actual} is the realized mean variance over the h days, the errors are of that variance
 * (their squares are the squared errors), and {@code qlike}/{@code naiveQlike} the QLIKE losses; null otherwise.
 *
 * @param targetTime open time of the candle the horizon forecast (epoch ms)
 */
public record Score(int horizon, long targetTime, double actual, double absError, double naiveAbsError,
        Boolean in50, Boolean in80, Boolean in90, Double pinball, Double qlike, Double naiveQlike) {

    /** A close or volume score. */
    public Score(int horizon, long targetTime, double actual, double absError, double naiveAbsError, Boolean in50,
            Boolean in80, Boolean in90, Double pinball) {
        this(horizon, targetTime, actual, absError, naiveAbsError, in50, in80, in90, pinball, null, null);
    }

    /** Scores horizon {@code h} of {@code entry} against the value that happened. */
    public static Score of(LedgerEntry entry, int h, long targetTime, double actual) {
        double point = entry.points()[h - 1];
        double[] q = entry.quantiles() == null ? null : entry.quantiles()[h - 1];
        return new Score(h, targetTime, actual, Math.abs(actual - point), Math.abs(actual - entry.originValue()),
                q == null ? null : Levels.inside(q, Levels.P25, Levels.P75, actual),
                q == null ? null : Levels.inside(q, Levels.P10, Levels.P90, actual),
                q == null ? null : Levels.inside(q, Levels.P05, Levels.P95, actual),
                q == null ? null : QuantileScores.meanPinball(q, Levels.LEVELS, actual));
    }

    /** Scores horizon {@code h} of a volatility entry against the realized mean variance over its h days. */
    public static Score ofVariance(LedgerEntry entry, int h, long targetTime, double actual) {
        double forecast = entry.points()[h - 1];
        double naive = entry.originValue();
        return new Score(h, targetTime, actual, Math.abs(actual - forecast), Math.abs(actual - naive), null, null,
                null, null, VolatilityLoss.qlike(actual, forecast), VolatilityLoss.qlike(actual, naive));
    }

    public double squaredError() {
        return absError * absError;
    }

    public double naiveSquaredError() {
        return naiveAbsError * naiveAbsError;
    }
}
