package com.klinecast.core.bands;

import java.util.Map;

/**
 * The band a version carries and why: each candidate method's score over the selection folds before the test split,
 * the mean over folds and horizons of its pinball loss relative to the static random-walk band's (1 for that band
 * itself; lower is better), and the chosen candidate's own record there.
 */
public record BandChoice(Band band, Map<String, Double> validationPinball, CandidateScore chosen) {

    public BandChoice {
        validationPinball = Map.copyOf(validationPinball);
    }
}
