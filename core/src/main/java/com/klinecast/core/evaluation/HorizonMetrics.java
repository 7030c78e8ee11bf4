package com.klinecast.core.evaluation;

/**
 * A model's backtest at one horizon, beside the naive forecast ("the close h steps ahead equals the last close")
 * on the same origins, with the evidence for each claim. The band fields are null only for a backtest run without
 * a band.
 *
 * @param mase the model's MAE over the naive forecast's MAE: below 1 beats naive
 * @param maseLow lower end of MASE's 95% moving-block bootstrap interval
 * @param maseHigh upper end of that interval
 * @param dmPValue one-sided HLN-corrected Diebold–Mariano p-value of "the model's absolute errors are smaller
 *     than naive's" (NaN with fewer than 2 origins)
 * @param directionAccuracy share of origins where the model called the move's direction right
 * @param upShare share of origins where the price rose; the base rate a direction call must beat is
 *     max(upShare, 1 - upShare)
 * @param directionPValue binomial p-value of getting at least that many directions right at the base rate
 * @param coverage50 share of actual closes inside the central 50% band (25% to 75% quantiles)
 * @param coverage80 share inside the 80% band (10% to 90%)
 * @param coverage80Low lower end of the 80% band coverage's 95% moving-block bootstrap interval
 * @param coverage80High upper end of that interval
 * @param coverage90 share inside the 90% band (5% to 95%)
 * @param kupiecPValue80 Kupiec proportion-of-failures p-value of the 80% band's coverage
 * @param pinball mean pinball loss over the quantile levels, in the target's units
 * @param crps continuous ranked probability score from the quantiles, in the target's units
 * @param pinballSkill 1 - pinball / (pinball of the static random-walk band): above 0 beats it
 */
public record HorizonMetrics(int horizon, int origins, double mae, double rmse, double mape, double naiveMae,
        double naiveRmse, double naiveMape, double mase, double maseLow, double maseHigh, double dmPValue,
        double directionAccuracy, double upShare, double directionPValue, Double coverage50, Double coverage80,
        Double coverage80Low, Double coverage80High, Double coverage90, Double kupiecPValue80, Double pinball, Double crps, Double pinballSkill) {

    public double directionBaseRate() {
        return Math.max(upShare, 1 - upShare);
    }
}
