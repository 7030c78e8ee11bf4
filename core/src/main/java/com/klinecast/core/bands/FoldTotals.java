package com.klinecast.core.bands;

import com.klinecast.core.evaluation.stats.QuantileScores;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Forecasts;
import java.util.List;

/**
 * One candidate's sums over the folds scored so far: per horizon its mean pinball loss on the latest fold, how many
 * targets it was scored on and how many its 80% band held, the lowest and highest share held on one fold, and the
 * sum of its per-fold relative scores.
 */
record FoldTotals(double[] pinball, int[] counts, int[] inside, double[] lowest, double[] highest,
        double relativeSum, int folds) {

    /** The band's scores on the origins {@code fold[0]..fold[1]} whose targets are before {@code targetEnd}. */
    static FoldTotals of(Band band, OffsetMemo memo, List<Bar> bars, Forecasts forecasts, int[] fold, int targetEnd,
            int[] horizons) {
        double[] sums = new double[horizons.length];
        int[] counts = new int[horizons.length];
        int[] inside = new int[horizons.length];
        int end = Math.min(targetEnd, bars.size());
        for (int k = fold[0]; k < fold[1]; k++) {
            int origin = forecasts.origins()[k];
            double[][] offsets = memo.at(band, origin);
            for (int j = 0; j < horizons.length; j++) {
                int h = horizons[j];
                if (origin + h >= end) {
                    continue;
                }
                double[] q = Levels.around(forecasts.points()[k][h - 1], offsets[h - 1]);
                double actual = bars.get(origin + h).close();
                sums[j] += QuantileScores.meanPinball(q, Levels.LEVELS, actual);
                counts[j]++;
                inside[j] += Levels.inside(q, Levels.P10, Levels.P90, actual) ? 1 : 0;
            }
        }
        double[] means = new double[horizons.length];
        double[] held = new double[horizons.length];
        for (int j = 0; j < horizons.length; j++) {
            means[j] = counts[j] == 0 ? Double.NaN : sums[j] / counts[j];
            held[j] = counts[j] == 0 ? Double.NaN : (double) inside[j] / counts[j];
        }
        return new FoldTotals(means, counts, inside, held, held.clone(), 0, 0);
    }

    /** This fold counted once, scored by the mean over horizons of its pinball over {@code reference}'s. */
    FoldTotals relativeTo(double[] reference) {
        double sum = 0;
        int used = 0;
        for (int j = 0; j < pinball.length; j++) {
            if (reference[j] > 0 && Double.isFinite(pinball[j])) {
                sum += pinball[j] / reference[j];
                used++;
            }
        }
        return new FoldTotals(pinball, counts, inside, lowest, highest,
                used == 0 ? Double.POSITIVE_INFINITY : sum / used, 1);
    }

    FoldTotals plus(FoldTotals other) {
        int[] c = counts.clone();
        int[] in = inside.clone();
        double[] low = lowest.clone();
        double[] high = highest.clone();
        for (int j = 0; j < c.length; j++) {
            c[j] += other.counts[j];
            in[j] += other.inside[j];
            // NaN (a fold without a target at this horizon) is passed over
            low[j] = Double.isNaN(low[j]) ? other.lowest[j] : Math.min(low[j], other.lowest[j]);
            high[j] = Double.isNaN(high[j]) ? other.highest[j] : Math.max(high[j], other.highest[j]);
        }
        return new FoldTotals(pinball, c, in, low, high, relativeSum + other.relativeSum, folds + other.folds);
    }

    CandidateScore score(String label, int[] horizons) {
        double[] coverage = new double[counts.length];
        for (int j = 0; j < counts.length; j++) {
            coverage[j] = counts[j] == 0 ? Double.NaN : (double) inside[j] / counts[j];
        }
        return new CandidateScore(label, horizons.clone(), folds == 0 ? Double.POSITIVE_INFINITY : relativeSum / folds, folds,
                coverage, lowest, highest);
    }
}
