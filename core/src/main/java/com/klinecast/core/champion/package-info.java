/**
 * Who serves: the evidence rule a challenger must pass to replace the champion
 * ({@link com.klinecast.core.champion.PromotionRule}), and what it found
 * ({@link com.klinecast.core.champion.Verdict}, one {@link com.klinecast.core.champion.HorizonEvidence} per
 * promotion horizon).
 */
package com.klinecast.core.champion;
