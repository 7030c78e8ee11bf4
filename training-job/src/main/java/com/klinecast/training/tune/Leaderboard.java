package com.klinecast.training.tune;

import java.util.Comparator;
import java.util.List;

/**
 * Trials best first: by validation score, ties (and equal NaNs) by grid position, so the order is a function of
 * the scores alone.
 *
 * @param varying the grid keys that tell the trials apart, for printing
 */
public record Leaderboard(List<TrialResult> ranked, List<String> varying) {

    static final Comparator<TrialResult> BEST_FIRST = Comparator
            .comparingDouble((TrialResult r) -> Double.isNaN(r.score()) ? Double.POSITIVE_INFINITY : r.score())
            .thenComparingInt(r -> r.trial().number());

    public Leaderboard {
        ranked = ranked.stream().sorted(BEST_FIRST).toList();
        varying = List.copyOf(varying);
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("a leaderboard needs at least one trial");
        }
    }

    public TrialResult winner() {
        return ranked.get(0);
    }
}
