package com.klinecast.training.volatility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.series.Series;
import com.klinecast.core.testing.CsvCandles;
import com.klinecast.core.volatility.VarianceProxy;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.results.ResultsMarkdown;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The volatility results table from the fitted models on BTCUSDT (no networks: those are trained in the IT). */
class VolatilityResultsMarkdownTest {

    private static final TrainingConfig VOLATILITY = TrainingConfigs.load(null, Map.of("target", "volatility"));

    @Test
    void everyModelBesideNaiveWithTheChampionTheRuleServes() {
        List<Bar> bars = CsvCandles.read("binance-BTCUSDT-1d.csv", Integer.MAX_VALUE).stream().map(Bar::of).toList();
        VolatilityResults results = VolatilityResults.evaluate(Series.of("BTCUSDT", "1d"),
                VolatilitySeries.of(bars, List.of(), VarianceProxy.PARKINSON), VOLATILITY, VolatilityNetworks.NONE);

        // mean30 beats naive, then HAR beats mean30 (docs/training.md's figures).
        assertEquals(List.of("mean30", "har"), results.decisions().stream()
                .map(VolatilityResults.Decision::challenger).toList());
        assertEquals("naive", results.decisions().get(0).champion());
        assertEquals("har", results.champion());

        String md = VolatilityResultsMarkdown.render(List.of(results), new int[] {1, 7, 30});
        assertTrue(md.contains("The champion rule serves **har**"), md);
        assertTrue(md.contains("| model | chosen on validation | h1 QLIKE / MSE | DM p | h7 QLIKE / MSE | DM p "
                + "| h30 QLIKE / MSE | DM p |"), md);
        assertTrue(md.contains("| naive | - | 1.000 / 1.000 | - |"), md);
        assertTrue(md.contains("| **har** (champion) | log scale | 0.475 / 0.606 | 4e-10 |"), md);
        assertTrue(md.contains("- mean30 replaces naive: h1 QLIKE ratio"), md);
        assertTrue(md.contains("every day from its own candle"), md);

        String doc = "intro\n" + VolatilityResultsMarkdown.START + "\nold\n" + VolatilityResultsMarkdown.END + "\nend\n";
        String written = ResultsMarkdown.between(doc, VolatilityResultsMarkdown.START, VolatilityResultsMarkdown.END,
                md);
        assertTrue(written.startsWith("intro\n" + VolatilityResultsMarkdown.START + "\n**BTCUSDT 1d volatility**"));
        assertTrue(written.endsWith(VolatilityResultsMarkdown.END + "\nend\n"));
    }
}
