package com.klinecast.core.champion;

import java.util.Locale;

/**
 * The challenger against the champion at one promotion horizon, on the same origins.
 *
 * @param relativeMae the challenger's MAE over the champion's (below 1: the challenger errs less)
 * @param low lower end of the relative MAE's 95% moving-block bootstrap interval
 * @param high upper end of that interval
 * @param pBetter Holm-adjusted one-sided HLN-DM p-value of "the challenger's absolute errors are smaller"
 * @param pWorse Holm-adjusted one-sided p-value of "they are larger"
 */
public record HorizonEvidence(int horizon, int origins, double challengerMae, double championMae,
        double relativeMae, double low, double high, double pBetter, double pWorse) {

    @Override
    public String toString() {
        return describe("MAE");
    }

    /** The evidence in words, naming the loss compared (MAE, or QLIKE for a variance forecast). */
    public String describe(String loss) {
        return String.format(Locale.ROOT, "h%d: %s ratio %.3f [%.3f, %.3f], p better %.3g, p worse %.3g",
                horizon, loss, relativeMae, low, high, pBetter, pWorse);
    }
}
