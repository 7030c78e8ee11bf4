/**
 * Volatility as a forecast target: a daily variance of the log price from each candle's range
 * ({@link com.klinecast.core.volatility.VarianceProxy}), or from the day's 24 hourly candles where they are held
 * ({@link com.klinecast.core.volatility.RealizedVariance}); models of it (naive, the 30-day mean, HAR, and the
 * trained LSTM and MLP run in plain Java, {@link com.klinecast.core.volatility.NetworkVariance}), their forecast
 * of the mean variance over the next h days, and their evaluation by QLIKE and MSE beside naive.
 */
package com.klinecast.core.volatility;
