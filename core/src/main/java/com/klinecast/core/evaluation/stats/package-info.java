/**
 * The statistics behind every claim a backtest makes: whether a model's errors are smaller than naive's
 * ({@link com.klinecast.core.evaluation.stats.DieboldMariano}), how sure its MASE is
 * ({@link com.klinecast.core.evaluation.stats.BlockBootstrap}), whether a band covers what it says
 * ({@link com.klinecast.core.evaluation.stats.Kupiec}), how good a set of quantiles is
 * ({@link com.klinecast.core.evaluation.stats.QuantileScores}), whether direction calls beat the base rate
 * ({@link com.klinecast.core.evaluation.stats.Binomial}) and how several tests are corrected together
 * ({@link com.klinecast.core.evaluation.stats.Holm}). Pure functions of arrays: no forecasting types here.
 */
package com.klinecast.core.evaluation.stats;
