package com.klinecast.core.bands;

import java.util.Map;

/**
 * The band a version carries and why: each candidate method's mean pinball loss on the scoring half of the
 * validation split (price units, lower is better).
 */
public record BandChoice(Band band, Map<String, Double> validationPinball) {

    public BandChoice {
        validationPinball = Map.copyOf(validationPinball);
    }
}
