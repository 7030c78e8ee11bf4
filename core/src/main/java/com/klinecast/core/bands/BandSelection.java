package com.klinecast.core.bands;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.volatility.Har;
import com.klinecast.core.volatility.VarianceProxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a version's band before the test split, never on it, over as many regimes as the history before it holds:
 * rolling-origin folds ({@link SelectionFolds}) as long as half the validation split. On each scored fold the
 * static, EWMA and GARCH methods and the HAR behind the volatility band are fitted on every bar up to the fold's first
 * origin (an expanding window), the conformal and volatility bands are calibrated on the fold before, each of the
 * five also competes rescaled online ({@link Adaptive}), and all are scored by mean pinball loss. One half-year is
 * one regime (a rally, a crash) and picks the band that suits it; a year of origins holds only about a dozen
 * independent 30-step outcomes. A version whose points exist only on validation (a trained network is in-sample
 * before it) gets the two folds of its halves. Pinball loss is in price units and grows with the horizon and the
 * price, so each fold's and horizon's mean pinball is divided by the static random-walk band's there, and the
 * lowest mean of those ratios wins. The band published is the winner refitted on every bar before the test split,
 * calibrated on the last fold.
 */
public final class BandSelection {

    private BandSelection() {
    }

    /**
     * @param forecasts the version's forecasts from consecutive origins ending with the validation split's
     * @param trainEnd first bar after the training split
     * @param validationEnd first bar after the validation split: no target at or after it is read
     * @param horizons the horizons whose pinball losses are averaged
     */
    public static BandChoice choose(List<Bar> bars, Forecasts forecasts, int trainEnd, int validationEnd,
            int[] horizons) {
        return choose(score(bars, forecasts, trainEnd, validationEnd, horizons),
                published(bars, forecasts, trainEnd, validationEnd));
    }

    /** The published band of the candidate with the lowest score. */
    public static BandChoice choose(List<CandidateScore> scores, List<Band> published) {
        Map<String, Double> byLabel = new LinkedHashMap<>();
        CandidateScore best = scores.get(0);
        for (CandidateScore s : scores) {
            byLabel.put(s.label(), s.relativePinball());
            best = s.relativePinball() < best.relativePinball() ? s : best;
        }
        for (Band band : published) {
            if (label(band).equals(best.label())) {
                return new BandChoice(band, byLabel, best);
            }
        }
        throw new IllegalStateException("the chosen band " + best.label() + " could not be refitted");
    }

    /** Every candidate's score over the folds, the static random-walk band first. */
    public static List<CandidateScore> score(List<Bar> bars, Forecasts forecasts, int trainEnd, int validationEnd,
            int[] horizons) {
        int[] origins = forecasts.origins();
        List<int[]> folds = SelectionFolds.of(origins.length, validationOrigins(forecasts, trainEnd)).folds();
        int minHistory = Math.min(trainEnd, Adaptive.REPLAY + forecasts.maxHorizon());
        Map<String, FoldTotals> totals = new LinkedHashMap<>();
        for (int f = folds.size() - 1; f >= (folds.size() == 1 ? 0 : 1); f--) {
            int[] fold = folds.get(f);
            int fitEnd = origins[fold[0]] + 1;
            // the latest fold is always scored; an earlier one needs a year of history before it
            if (fitEnd < minHistory && !totals.isEmpty()) {
                break;
            }
            int[] calibration = f == 0 ? new int[] {fold[0], fold[0]} : folds.get(f - 1);
            List<Band> bands = candidates(bars, forecasts, calibration, fitEnd);
            // every fitted band must forecast from the fold's first origin (an adaptive one replays what it can)
            int needed = bands.stream().filter(b -> !(b instanceof Adaptive)).mapToInt(Band::barsNeeded).max()
                    .orElse(1);
            if (!totals.isEmpty() && (!labels(bands).containsAll(totals.keySet()) || fitEnd < needed)) {
                break;
            }
            boolean latest = totals.isEmpty();
            OffsetMemo memo = new OffsetMemo(bars, forecasts.maxHorizon());
            double[] reference = null;
            for (Band band : bands) {
                FoldTotals scored = FoldTotals.of(band, memo, bars, forecasts, fold, validationEnd, horizons);
                // The first candidate is the static random-walk band every score is relative to.
                reference = reference == null ? scored.pinball() : reference;
                if (latest || totals.containsKey(label(band))) {
                    totals.merge(label(band), scored.relativeTo(reference), FoldTotals::plus);
                }
            }
        }
        List<CandidateScore> out = new ArrayList<>();
        totals.forEach((label, t) -> out.add(t.score(label, horizons)));
        return out;
    }

    /**
     * The candidates as they would be published: the fitted methods fitted on every bar before the test split, the
     * calibrated ones calibrated on the last fold.
     */
    public static List<Band> published(List<Bar> bars, Forecasts forecasts, int trainEnd, int validationEnd) {
        List<int[]> folds = SelectionFolds.of(forecasts.origins().length, validationOrigins(forecasts, trainEnd))
                .folds();
        return candidates(bars, forecasts, folds.get(folds.size() - 1), validationEnd);
    }

    /** The validation split's origins among the forecasts' (it runs to their end). */
    private static int validationOrigins(Forecasts forecasts, int trainEnd) {
        return (int) Arrays.stream(forecasts.origins()).filter(o -> o >= trainEnd - 1).count();
    }

    /**
     * The competing bands: fitted on the bars before {@code fitEnd}, calibrated on the forecasts of the origins in
     * {@code calibration} whose targets are before it (their adaptive versions rescale at every origin from what
     * has matured by then, so they need no fit).
     */
    static List<Band> candidates(List<Bar> bars, Forecasts forecasts, int[] calibration, int fitEnd) {
        int maxH = forecasts.maxHorizon();
        List<Bar> fitting = bars.subList(0, fitEnd);
        int[] origins = Arrays.copyOfRange(forecasts.origins(), calibration[0], calibration[1]);
        double[][] points = Arrays.copyOfRange(forecasts.points(), calibration[0], calibration[1]);
        Ewma ewma = Ewma.fit(fitting);
        List<Band> candidates = new ArrayList<>(List.of(StaticRandomWalk.fit(fitting, maxH), ewma,
                Garch.fit(fitting)));
        try {
            candidates.add(Conformal.fit(ewma, bars, origins, points, fitEnd));
        } catch (IllegalArgumentException tooFewOrigins) {
            // A short validation split cannot calibrate every horizon: the three fitted methods still compete.
        }
        try {
            Har har = Har.fit(VarianceProxy.PARKINSON.of(fitting), 0, fitEnd, true);
            candidates.add(VolatilityScaled.fit(har, VarianceProxy.PARKINSON, bars, origins, points, fitEnd));
        } catch (IllegalArgumentException tooFewDays) {
            // Too short a history for HAR, or a fold for calibration: the others compete.
        }
        List<Band> fitted = List.copyOf(candidates);
        for (double gamma : Adaptive.GAMMAS) {
            for (Band band : fitted) {
                candidates.add(new Adaptive(band, gamma, Adaptive.REPLAY, maxH));
            }
        }
        return candidates;
    }

    private static List<String> labels(List<Band> bands) {
        return bands.stream().map(BandSelection::label).toList();
    }

    /** A candidate's name among the selection scores: its method, and an adaptive band's step. */
    public static String label(Band band) {
        return band instanceof Adaptive a ? a.method() + "_" + a.gamma() : band.method();
    }
}
