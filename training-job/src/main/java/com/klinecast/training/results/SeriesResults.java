package com.klinecast.training.results;

import com.klinecast.core.series.Series;
import java.util.List;

/**
 * Every candidate's test backtest on one series; all share the split, so the same test origins.
 *
 * @param champion the name of the result the champion rule would serve (naive unless one beat it), or null
 */
public record SeriesResults(Series series, List<CandidateResult> results, String champion) {

    public SeriesResults {
        results = List.copyOf(results);
    }

    public SeriesResults(Series series, List<CandidateResult> results) {
        this(series, results, null);
    }
}
