package com.klinecast.core.bands;

/**
 * How one candidate band did over the selection folds.
 *
 * @param label its method, with an adaptive band's step
 * @param relativePinball the mean over folds and horizons of its mean pinball loss divided by the static random-walk
 *     band's on the same fold and horizon (1 for that band; lower is better)
 * @param folds how many folds were scored
 * @param coverage80 per scored horizon, the share of targets its 80% band held over all scored folds
 */
public record CandidateScore(String label, double relativePinball, int folds, double[] coverage80) {
}
