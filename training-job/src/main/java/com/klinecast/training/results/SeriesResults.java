package com.klinecast.training.results;

import com.klinecast.core.series.Series;
import java.util.List;

/** Every candidate's test backtest on one series; all share the split, so the same test origins. */
public record SeriesResults(Series series, List<CandidateResult> results) {

    public SeriesResults {
        results = List.copyOf(results);
    }
}
