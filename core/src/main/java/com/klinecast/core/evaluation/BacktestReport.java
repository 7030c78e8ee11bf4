package com.klinecast.core.evaluation;

import java.util.List;

/** A walk-forward backtest over a window of origins, per horizon. */
public record BacktestReport(String firstOrigin, String lastOrigin, int origins, List<HorizonMetrics> horizons) {

    public BacktestReport {
        horizons = List.copyOf(horizons);
    }

    public HorizonMetrics at(int horizon) {
        return horizons.stream().filter(m -> m.horizon() == horizon).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no horizon " + horizon + " in this backtest"));
    }
}
