package com.klinecast.training.volatility;

import com.klinecast.core.registry.PromotionDecision;
import java.util.List;

/** What a volatility run produced: every model's test backtest, and the versions it wrote with their decisions. */
public record VolatilityOutcome(List<VolatilityCandidate> candidates, List<Published> published) {

    public VolatilityOutcome {
        candidates = List.copyOf(candidates);
        published = List.copyOf(published);
    }

    /** A version written by the run, and whether it became the volatility champion. */
    public record Published(String family, int version, PromotionDecision decision) {
    }
}
