package com.klinecast.training.volatility;

import com.klinecast.core.volatility.VolatilityForecasts;
import com.klinecast.core.volatility.VolatilityModel;
import com.klinecast.core.volatility.VolatilityReport;
import java.util.Map;

/**
 * A fitted volatility model with its test backtest, ready to publish.
 *
 * @param validation what chose its settings on the validation split (empty when nothing was chosen)
 * @param training how a network's training went (epochs, seconds; empty for the fitted models)
 * @param onTest its forecasts from every test origin (what the champion rule compares)
 */
public record VolatilityCandidate(VolatilityModel model, Map<String, Object> validation,
        Map<String, Object> training, VolatilityForecasts onTest, VolatilityReport test) {
}
