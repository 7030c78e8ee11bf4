/**
 * Quantile bands around a point forecast: at each horizon, the quantiles {@link com.klinecast.core.bands.Levels}
 * of the value h steps ahead, as log offsets from the point forecast. Four methods
 * ({@link com.klinecast.core.bands.StaticRandomWalk}, {@link com.klinecast.core.bands.Ewma},
 * {@link com.klinecast.core.bands.Garch}, {@link com.klinecast.core.bands.Conformal}); one is chosen per version on
 * the validation split by mean pinball loss ({@link com.klinecast.core.bands.BandSelection}) and travels in its
 * manifest. Every method builds its offsets from sorted quantiles scaled by a positive spread, so quantiles never
 * cross.
 */
package com.klinecast.core.bands;
