package com.klinecast.core.bands;

import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.evaluation.stats.QuantileScores;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.volatility.Har;
import com.klinecast.core.volatility.VarianceProxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a version's band on the validation split, never the test split: the static, EWMA and GARCH methods are
 * fitted on the training split, the conformal and volatility-scaled ones (the latter driven by log HAR on
 * Parkinson variances, fitted on the training split) are calibrated on the first half of the validation origins,
 * each of the five also competes rescaled online ({@link Adaptive}), and all are scored by mean pinball loss on the
 * second half. Pinball loss is in price units and grows with the
 * horizon, so a plain mean over horizons would be decided by the longest one alone: each horizon's mean pinball
 * is divided by the static random-walk band's at that horizon, and the lowest mean of those ratios wins.
 */
public final class BandSelection {

    private BandSelection() {
    }

    /**
     * @param validation the model's forecasts from the validation origins
     * @param trainEnd first bar after the training split
     * @param validationEnd first bar after the validation split: no target at or after it is read
     * @param horizons the horizons whose pinball losses are averaged
     */
    public static BandChoice choose(List<Bar> bars, Forecasts validation, int trainEnd, int validationEnd,
            int[] horizons) {
        List<Band> candidates = candidates(bars, validation, trainEnd, validationEnd);
        int half = validation.origins().length / 2;
        Map<String, Double> scores = new LinkedHashMap<>();
        double[] reference = null;
        Band best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (Band band : candidates) {
            double[] pinball = pinballByHorizon(band, bars, validation, half, validationEnd, horizons);
            // The first candidate is the static random-walk band every score is relative to.
            reference = reference == null ? pinball : reference;
            double sum = 0;
            int used = 0;
            for (int j = 0; j < horizons.length; j++) {
                if (reference[j] > 0 && Double.isFinite(pinball[j])) {
                    sum += pinball[j] / reference[j];
                    used++;
                }
            }
            double score = used == 0 ? Double.POSITIVE_INFINITY : sum / used;
            scores.put(label(band), score);
            if (score < bestScore) {
                bestScore = score;
                best = band;
            }
        }
        return new BandChoice(best, scores);
    }

    /**
     * The competing bands, fitted on the training split or calibrated on the first half of the validation origins
     * (their adaptive versions rescale each at every origin from what has matured by then, so they need no fit).
     */
    public static List<Band> candidates(List<Bar> bars, Forecasts validation, int trainEnd, int validationEnd) {
        int maxH = validation.maxHorizon();
        List<Bar> training = bars.subList(0, trainEnd);
        int[] origins = validation.origins();
        int half = origins.length / 2;
        Ewma ewma = Ewma.fit(training);
        List<Band> candidates = new ArrayList<>(List.of(StaticRandomWalk.fit(training, maxH), ewma,
                Garch.fit(training)));
        // The calibration half's targets must end before the scoring half starts, or they would share closes.
        int calibrationEnd = Math.min(validationEnd, half < origins.length ? origins[half] + 1 : validationEnd);
        try {
            candidates.add(Conformal.fit(ewma, bars, Arrays.copyOf(origins, half),
                    Arrays.copyOf(validation.points(), half), calibrationEnd));
        } catch (IllegalArgumentException tooFewOrigins) {
            // A short validation split cannot calibrate every horizon: the three fitted methods still compete.
        }
        try {
            Har har = Har.fit(VarianceProxy.PARKINSON.of(training), 0, trainEnd, true);
            candidates.add(VolatilityScaled.fit(har, VarianceProxy.PARKINSON, bars, Arrays.copyOf(origins, half),
                    Arrays.copyOf(validation.points(), half), calibrationEnd));
        } catch (IllegalArgumentException tooFewDays) {
            // Too short a training split for HAR, or a validation split for calibration: the others compete.
        }
        List<Band> fitted = List.copyOf(candidates);
        for (double gamma : Adaptive.GAMMAS) {
            for (Band band : fitted) {
                candidates.add(new Adaptive(band, gamma, Adaptive.REPLAY, maxH));
            }
        }
        return candidates;
    }

    /** A candidate's name among the validation scores: its method, and an adaptive band's step. */
    public static String label(Band band) {
        return band instanceof Adaptive a ? a.method() + "_" + a.gamma() : band.method();
    }

    /** Per horizon, the mean pinball loss over origins from {@code fromOrigin} whose target exists. */
    static double[] pinballByHorizon(Band band, List<Bar> bars, Forecasts forecasts, int fromOrigin, int targetEnd,
            int[] horizons) {
        int maxH = Arrays.stream(horizons).max().orElseThrow();
        double[] sums = new double[horizons.length];
        int[] counts = new int[horizons.length];
        for (int k = fromOrigin; k < forecasts.origins().length; k++) {
            int origin = forecasts.origins()[k];
            double[][] q = band.quantiles(bars.subList(0, origin + 1), Arrays.copyOf(forecasts.points()[k], maxH));
            for (int j = 0; j < horizons.length; j++) {
                int target = origin + horizons[j];
                if (target < Math.min(targetEnd, bars.size())) {
                    sums[j] += QuantileScores.meanPinball(q[horizons[j] - 1], Levels.LEVELS, bars.get(target).close());
                    counts[j]++;
                }
            }
        }
        double[] means = new double[horizons.length];
        for (int j = 0; j < horizons.length; j++) {
            means[j] = counts[j] == 0 ? Double.NaN : sums[j] / counts[j];
        }
        return means;
    }
}
