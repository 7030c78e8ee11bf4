package com.klinecast.core.evaluation.stats;

/**
 * A Diebold–Mariano comparison of two forecasts' losses on the same origins.
 *
 * @param meanDifferential mean of loss(first) - loss(second): negative when the first forecast errs less
 * @param statistic the Harvey–Leybourne–Newbold corrected statistic (NaN when the losses never differ)
 * @param pBetter one-sided p-value of "the first forecast's losses are smaller"
 * @param pWorse one-sided p-value of "the first forecast's losses are larger"
 */
public record DmTest(int n, double meanDifferential, double statistic, double pBetter, double pWorse) {
}
