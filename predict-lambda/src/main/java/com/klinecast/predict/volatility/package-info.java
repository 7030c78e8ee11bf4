/**
 * Serving the volatility target: the volatility champion ({@link com.klinecast.predict.volatility.VolatilityModels}),
 * {@code GET /forecast?target=volatility} ({@link com.klinecast.predict.volatility.VolatilityService}) and the
 * expected range a close forecast carries from it ({@link com.klinecast.predict.forecast.ExpectedRange}).
 */
package com.klinecast.predict.volatility;
