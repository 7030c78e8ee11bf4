package com.klinecast.core.bands;

/**
 * How one candidate band did over the selection folds.
 *
 * @param label its method, with an adaptive band's step
 * @param horizons the horizons scored
 * @param relativePinball the mean over folds and horizons of its mean pinball loss divided by the static random-walk
 *     band's on the same fold and horizon (1 for that band; lower is better)
 * @param folds how many folds were scored
 * @param coverage80 per scored horizon, the share of targets its 80% band held over all scored folds
 * @param lowestFold per scored horizon, the lowest share held on one fold: how far one half-year strays
 * @param highestFold the highest
 */
public record CandidateScore(String label, int[] horizons, double relativePinball, int folds, double[] coverage80,
        double[] lowestFold, double[] highestFold) {
}
