package com.klinecast.core.champion;

import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.evaluation.HorizonErrors;
import com.klinecast.core.evaluation.stats.BlockBootstrap;
import com.klinecast.core.evaluation.stats.DieboldMariano;
import com.klinecast.core.evaluation.stats.DmTest;
import com.klinecast.core.evaluation.stats.Holm;
import com.klinecast.core.evaluation.stats.Interval;
import com.klinecast.core.forecast.Bar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A challenger replaces the champion only with evidence: on the same rolling origins, its losses (absolute errors;
 * QLIKE for a variance forecast) must be smaller than the champion's with a Holm-corrected HLN-DM p-value below {@code alpha} at one or more promotion
 * horizons, and significantly larger at none. A margin that is noise (the 1% wins that once picked a default)
 * promotes nothing.
 */
public record PromotionRule(int[] horizons, double alpha) {

    public static final int[] DEFAULT_HORIZONS = {1, 7, 30};

    public static final double DEFAULT_ALPHA = 0.05;

    public PromotionRule {
        horizons = horizons.clone();
        if (horizons.length == 0) {
            throw new IllegalArgumentException("the promotion rule needs at least one horizon");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }

    public static PromotionRule defaults() {
        return new PromotionRule(DEFAULT_HORIZONS, DEFAULT_ALPHA);
    }

    /** Judges forecasts of the challenger and the champion from the same window of origins. */
    public Verdict judge(List<Bar> bars, Forecasts challenger, Forecasts champion) {
        double[][] mine = new double[horizons.length][];
        double[][] theirs = new double[horizons.length][];
        for (int j = 0; j < horizons.length; j++) {
            HorizonErrors[] aligned = common(Backtest.errors(bars, challenger, horizons[j]),
                    Backtest.errors(bars, champion, horizons[j]));
            mine[j] = absolute(aligned[0].model());
            theirs[j] = absolute(aligned[1].model());
        }
        return judgeLosses("MAE", mine, theirs);
    }

    /**
     * Judges per-horizon losses (non-negative, one array per rule horizon, the two aligned origin by origin): the
     * absolute errors of a price or volume forecast, the QLIKE of a variance forecast. The evidence's "MAE" fields
     * are then the mean losses, and {@code loss} names them in the verdict.
     */
    public Verdict judgeLosses(String loss, double[][] challenger, double[][] champion) {
        int m = horizons.length;
        if (challenger.length != m || champion.length != m) {
            throw new IllegalArgumentException("need losses at each of the rule's " + m + " horizons");
        }
        double[] pBetter = new double[m];
        double[] pWorse = new double[m];
        for (int j = 0; j < m; j++) {
            if (challenger[j].length < 2 || challenger[j].length != champion[j].length) {
                throw new IllegalArgumentException("too few common origins (" + challenger[j].length
                        + ") to compare at horizon " + horizons[j]);
            }
            double[] d = new double[challenger[j].length];
            for (int t = 0; t < d.length; t++) {
                d[t] = challenger[j][t] - champion[j][t];
            }
            DmTest dm = DieboldMariano.ofDifferentials(d, horizons[j]);
            pBetter[j] = dm.pBetter();
            pWorse[j] = dm.pWorse();
        }
        double[] better = Holm.adjust(pBetter);
        double[] worse = Holm.adjust(pWorse);
        List<HorizonEvidence> evidence = new ArrayList<>();
        boolean anyBetter = false;
        boolean anyWorse = false;
        for (int j = 0; j < m; j++) {
            double[] mine = challenger[j];
            double[] theirs = champion[j];
            double maeMine = mean(mine);
            double maeTheirs = mean(theirs);
            // The bootstrap sums absolute values: for non-negative losses, the ratio of their means.
            Interval interval = BlockBootstrap.defaults().maseInterval(mine, theirs, horizons[j], 0.95);
            evidence.add(new HorizonEvidence(horizons[j], mine.length, maeMine, maeTheirs, maeMine / maeTheirs,
                    interval.low(), interval.high(), better[j], worse[j]));
            anyBetter |= better[j] < alpha;
            anyWorse |= worse[j] < alpha;
        }
        return new Verdict(anyBetter && !anyWorse, evidence, alpha, loss);
    }

    /** The two models' errors restricted to the origins both have, in the same order. */
    private static HorizonErrors[] common(HorizonErrors a, HorizonErrors b) {
        int[] both = Arrays.stream(a.origins()).filter(o -> Arrays.binarySearch(b.origins(), o) >= 0).toArray();
        return new HorizonErrors[] {restrict(a, both), restrict(b, both)};
    }

    private static HorizonErrors restrict(HorizonErrors e, int[] origins) {
        double[] model = new double[origins.length];
        double[] naive = new double[origins.length];
        for (int i = 0; i < origins.length; i++) {
            int k = Arrays.binarySearch(e.origins(), origins[i]);
            model[i] = e.model()[k];
            naive[i] = e.naive()[k];
        }
        return new HorizonErrors(e.horizon(), origins, model, naive);
    }

    private static double[] absolute(double[] errors) {
        double[] out = new double[errors.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(errors[i]);
        }
        return out;
    }

    private static double mean(double[] losses) {
        double sum = 0;
        for (double l : losses) {
            sum += l;
        }
        return sum / losses.length;
    }
}
