package com.klinecast.core.bands;

import java.util.Map;

/**
 * The band a version carries and why: each candidate method's score on the scoring half of the validation split,
 * the mean over horizons of its pinball loss relative to the static random-walk band's (1 for that band itself;
 * lower is better).
 */
public record BandChoice(Band band, Map<String, Double> validationPinball) {

    public BandChoice {
        validationPinball = Map.copyOf(validationPinball);
    }
}
