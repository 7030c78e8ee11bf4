package com.klinecast.training.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.bands.SyntheticPrices;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfigs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole band selection on a synthetic series: seconds of replayed adaptive bands, so not in the unit tier. */
class BandCandidatesIT {

    @Test
    void reportsTheChoiceAndEveryCandidateOverTheFoldsAndOnTestForBothBaselines() {
        Series series = Series.of("BTCUSDT", "1d");
        List<Bar> bars = SyntheticPrices.clustered(900, 3);

        List<String> lines = BandCandidates.report(series, bars, TrainingConfigs.forSeries(series, null, Map.of()));

        List<String> choices = lines.stream().filter(l -> l.contains(" chose ")).toList();
        assertEquals(2, choices.size(), String.join("\n", lines));
        assertTrue(choices.get(0).startsWith(series + " naive chose ") && choices.get(1).startsWith(series
                + " drift chose "), choices.toString());
        // fifteen candidates under each choice, each scored over the folds at the configured horizons (the fold
        // coverage with its lowest and highest fold), and on the test split at 1, 7 and 30
        assertEquals(2 + 2 * 15, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            if (!line.contains(" chose ")) {
                assertTrue(line.matches("  \\S+\\s+[0-9.]+ over [2-9] folds, 80% held( h\\d+ +[0-9.]+% \\[\\d+-\\d+\\]){5}"
                        + "  test ( h\\d+ +[0-9.]+% +[0-9.]+){3}"), line);
            }
        }
    }
}
