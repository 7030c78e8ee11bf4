package com.klinecast.predict.model;

/**
 * A model's backtest at one horizon beside the naive forecast (the last close repeated), as recorded in its
 * manifest by the training job: MASE below 1 beats naive; the interval, the DM p-value and the band fields are null
 * for versions from before they were recorded. {@code coverage80Low}..{@code coverage80High} is the 80% band
 * coverage's 95% block-bootstrap interval.
 */
public record HorizonSkill(int horizon, double mase, double mae, double naiveMae, Double coverage80,
        double directionAccuracy, double directionBaseRate, Double maseLow, Double maseHigh, Double dmPValue,
        Double coverage50, Double coverage90, Double pinballSkill, Double coverage80Low, Double coverage80High) {
}
