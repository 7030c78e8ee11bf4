package com.klinecast.training.results;

import com.klinecast.core.evaluation.BacktestReport;

/** A candidate trained on a series and backtested on its test split, beside naive on the same origins. */
public record CandidateResult(Candidate candidate, BacktestReport test, int epochsRun, int bestEpoch,
        double seconds) {
}
