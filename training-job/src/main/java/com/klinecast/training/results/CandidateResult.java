package com.klinecast.training.results;

import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.forecast.Forecasts;

/**
 * A candidate (or a baseline) backtested on a series' test split, beside naive on the same origins.
 *
 * @param onTest its forecasts from every test origin, for the champion rule (null when not kept)
 * @param band the band chosen for it before the test split, with an adaptive band's step (null for none)
 */
public record CandidateResult(Candidate candidate, BacktestReport test, int epochsRun, int bestEpoch,
        double seconds, Forecasts onTest, String band) {

    public CandidateResult(Candidate candidate, BacktestReport test, int epochsRun, int bestEpoch, double seconds) {
        this(candidate, test, epochsRun, bestEpoch, seconds, null, null);
    }
}
