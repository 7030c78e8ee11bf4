/**
 * Volatility as a forecast target: a daily variance of the log price from each candle's range
 * ({@link com.klinecast.core.volatility.VarianceProxy}), models of it (naive, the 30-day mean, HAR), their forecast
 * of the mean variance over the next h days, and their evaluation by QLIKE and MSE beside naive.
 */
package com.klinecast.core.volatility;
