package com.klinecast.training.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.klinecast.core.evaluation.BacktestReport;
import com.klinecast.core.evaluation.HorizonMetrics;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfigs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The results table's Markdown, the README section it replaces, and the candidates list, without training. */
class ResultsMarkdownTest {

    private static Candidate candidate(String name) {
        return new Candidate(name, "about " + name, JsonNodeFactory.instance.objectNode());
    }

    private static CandidateResult result(String name, String firstOrigin, double... mase) {
        int[] horizons = {1, 3};
        List<HorizonMetrics> metrics = new java.util.ArrayList<>();
        for (int i = 0; i < mase.length; i++) {
            // naive's interval against itself is one point; anything else's has width
            double width = name.equals("naive") ? 0 : 0.01;
            metrics.add(new HorizonMetrics(horizons[i], 100, mase[i], 0, 0, 1, 0, 0, mase[i], mase[i] - width,
                    mase[i] + width, 0.5, 0.5, 0.5, 1, null, 0.8, 0.7, 0.9, null, null, null, null, null));
        }
        return new CandidateResult(candidate(name), new BacktestReport(firstOrigin, "2025-06-29T00:00:00Z", 100,
                metrics), 3, 1, 1.0);
    }

    @Test
    void rendersATablePerSeriesWithNaiveAtOneAndALineOnEachCandidate() {
        String md = ResultsMarkdown.render(List.of(new SeriesResults(Series.of("BTCUSDT", "1d"),
                List.of(result("naive", "2024-04-25T00:00:00Z", 1, 1),
                        result("lstm-default", "2024-04-25T00:00:00Z", 1.0104, 0.99949),
                        result("lstm-tuned", "2024-04-25T00:00:00Z", 0.998, 1.2)), "lstm-default")),
                new int[] {1, 3});

        assertEquals("""
                On each series' test origins: MASE vs naive [95% interval], DM p of beating naive, 80% coverage \
                [95% interval], pinball skill vs the static band.

                **BTCUSDT 1d**, test origins 2024-04-25 .. 2025-06-29. The champion rule serves **lstm-default**.

                | model | h1 MASE | DM p | cov80 | skill | h3 MASE | DM p | cov80 | skill |
                |---|---|---|---|---|---|---|---|---|
                | naive | 1.000 | 0.50 | 80.0% [70, 90] | - | 1.000 | 0.50 | 80.0% [70, 90] | - |
                | **lstm-default** (champion) | 1.010 [1.000, 1.020] | 0.50 | 80.0% [70, 90] | - | 0.999 \
                [0.989, 1.009] | 0.50 | 80.0% [70, 90] | - |
                | lstm-tuned | 0.998 [0.988, 1.008] | 0.50 | 80.0% [70, 90] | - | 1.200 [1.190, 1.210] | 0.50 \
                | 80.0% [70, 90] | - |

                - `naive`: about naive
                - `lstm-default`: about lstm-default
                - `lstm-tuned`: about lstm-tuned
                """, md);
    }

    @Test
    void namesTheBandsAboveTheTableWithTheModelsTheyServe() {
        CandidateResult a = result("a", "2024-04-25T00:00:00Z", 1, 1);
        CandidateResult b = result("b", "2024-04-25T00:00:00Z", 1, 1);

        String one = ResultsMarkdown.render(List.of(new SeriesResults(Series.of("BTCUSDT", "1d"),
                List.of(withBand(a, "ewma"), withBand(b, "ewma")), null)), new int[] {1});
        String two = ResultsMarkdown.render(List.of(new SeriesResults(Series.of("BTCUSDT", "1d"),
                List.of(withBand(a, "ewma"), withBand(b, "garch")), null)), new int[] {1});

        assertTrue(one.contains(" Band: ewma.") && one.contains("| model | h1 MASE |"), one);
        assertTrue(two.contains(" Bands: ewma (a); garch (b).") && two.contains("| model | h1 MASE |"), two);
    }

    private static CandidateResult withBand(CandidateResult r, String band) {
        return new CandidateResult(r.candidate(), r.test(), r.epochsRun(), r.bestEpoch(), r.seconds(), null, band);
    }

    @Test
    void refusesToPutCandidatesTestedOnDifferentOriginsInOneTable() {
        assertThrows(IllegalStateException.class, () -> ResultsMarkdown.render(List.of(new SeriesResults(
                Series.of("BTCUSDT", "1d"), List.of(result("a", "2024-04-25T00:00:00Z", 1, 1),
                        result("b", "2024-04-26T00:00:00Z", 1, 1)))), new int[] {1}));
    }

    @Test
    void replacesOnlyWhatIsBetweenTheMarkers() {
        String readme = "# Title\n\nintro\n<!-- results:start -->\nold table\n<!-- results:end -->\n\nrest\n";

        String updated = ResultsMarkdown.intoReadme(readme, "new table\n");

        assertEquals("# Title\n\nintro\n<!-- results:start -->\nnew table\n<!-- results:end -->\n\nrest\n", updated);
        assertEquals(updated, ResultsMarkdown.intoReadme(updated, "new table\n"), "rewriting is idempotent");
        assertThrows(IllegalArgumentException.class, () -> ResultsMarkdown.intoReadme("# no markers", "x"));
    }

    @Test
    void theBundledCandidatesAreValidConfigsAndAConfigFileReplacesOneByName() throws Exception {
        List<Candidate> bundled = Candidates.bundled();
        assertEquals(List.of("lstm", "mlp", "default"), bundled.stream().map(Candidate::name).toList());
        bundled.forEach(Candidate::config);

        java.nio.file.Path file = java.nio.file.Files.createTempFile("tuned", ".json");
        java.nio.file.Files.writeString(file, "{\"dropout\": 0.1, \"window\": 14}");
        List<Candidate> replaced = Candidates.with(bundled, Candidates.fromConfigFile("mlp", file));
        List<Candidate> added = Candidates.with(bundled, Candidates.fromConfigFile("tuned", file));

        assertEquals(14, replaced.get(1).config().window());
        assertEquals(3, replaced.size());
        assertEquals(List.of("lstm", "mlp", "default", "tuned"), added.stream().map(Candidate::name).toList());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Candidates.parse(
                "[{\"name\": \"x\", \"config\": {\"dropout\": 2}}]", "test"));
        assertTrue(bad.getMessage().contains("candidate x"), bad.getMessage());
    }

    @Test
    void theDefaultCandidateIsWhatTrainUsesForEachSeries() {
        Candidate chosen = Candidates.bundled().get(2);
        for (String symbol : List.of("BTCUSDT", "ETHUSDT", "SOLUSDT")) {
            Series series = Series.of(symbol, "1d");
            assertEquals(TrainingConfigs.forSeries(series, null, java.util.Map.of()), chosen.config(series), symbol);
        }
        assertEquals(TrainingConfigs.defaults(), Candidates.bundled().get(0).config(Series.of("ETHUSDT", "1d")),
                "the lstm row stays the bundled design whatever a series' defaults are");
    }
}
