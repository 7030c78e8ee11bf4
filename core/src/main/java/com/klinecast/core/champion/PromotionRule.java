package com.klinecast.core.champion;

import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.evaluation.Forecasts;
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
 * A challenger replaces the champion only with evidence: on the same rolling origins, its absolute errors must be
 * smaller than the champion's with a Holm-corrected HLN-DM p-value below {@code alpha} at one or more promotion
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
        int m = horizons.length;
        double[] pBetter = new double[m];
        double[] pWorse = new double[m];
        HorizonErrors[][] aligned = new HorizonErrors[m][];
        for (int j = 0; j < m; j++) {
            aligned[j] = common(Backtest.errors(bars, challenger, horizons[j]),
                    Backtest.errors(bars, champion, horizons[j]));
            if (aligned[j][0].size() < 2) {
                throw new IllegalArgumentException("too few common origins (" + aligned[j][0].size()
                        + ") to compare at horizon " + horizons[j]);
            }
            DmTest dm = DieboldMariano.absoluteErrors(aligned[j][0].model(), aligned[j][1].model(), horizons[j]);
            pBetter[j] = dm.pBetter();
            pWorse[j] = dm.pWorse();
        }
        double[] better = Holm.adjust(pBetter);
        double[] worse = Holm.adjust(pWorse);
        List<HorizonEvidence> evidence = new ArrayList<>();
        boolean anyBetter = false;
        boolean anyWorse = false;
        for (int j = 0; j < m; j++) {
            double[] mine = aligned[j][0].model();
            double[] theirs = aligned[j][1].model();
            double maeMine = meanAbs(mine);
            double maeTheirs = meanAbs(theirs);
            Interval interval = BlockBootstrap.defaults().maseInterval(mine, theirs, horizons[j], 0.95);
            evidence.add(new HorizonEvidence(horizons[j], mine.length, maeMine, maeTheirs, maeMine / maeTheirs,
                    interval.low(), interval.high(), better[j], worse[j]));
            anyBetter |= better[j] < alpha;
            anyWorse |= worse[j] < alpha;
        }
        return new Verdict(anyBetter && !anyWorse, evidence, alpha);
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

    private static double meanAbs(double[] errors) {
        double sum = 0;
        for (double e : errors) {
            sum += Math.abs(e);
        }
        return sum / errors.length;
    }
}
