package com.klinecast.core.volatility;

import java.util.List;

/** A volatility backtest over a window of origins, one {@link VolatilityMetrics} per horizon. */
public record VolatilityReport(String firstOrigin, String lastOrigin, int origins, List<VolatilityMetrics> horizons) {

    public VolatilityReport {
        horizons = List.copyOf(horizons);
    }

    public VolatilityMetrics at(int horizon) {
        return horizons.stream().filter(m -> m.horizon() == horizon).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metrics at horizon " + horizon));
    }
}
