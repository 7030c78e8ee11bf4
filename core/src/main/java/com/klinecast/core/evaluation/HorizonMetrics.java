package com.klinecast.core.evaluation;

/**
 * A model's backtest at one horizon, beside the naive forecast ("the close h steps ahead equals the last close")
 * on the same origins.
 *
 * @param mase the model's MAE over the naive forecast's MAE: below 1 beats naive
 * @param directionAccuracy share of origins where the model called the move's direction right
 * @param upShare share of origins where the price rose; the base rate a direction call must beat is
 *     max(upShare, 1 - upShare)
 * @param coverage80 share of actual closes inside the 80% prediction interval, or null without intervals
 */
public record HorizonMetrics(int horizon, int origins, double mae, double rmse, double mape, double naiveMae,
        double naiveRmse, double naiveMape, double mase, double directionAccuracy, double upShare, Double coverage80) {

    public double directionBaseRate() {
        return Math.max(upShare, 1 - upShare);
    }
}
