package com.klinecast.cli;

import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import com.klinecast.training.results.ResultsMarkdown;
import com.klinecast.training.volatility.VolatilityNetworks;
import com.klinecast.training.volatility.VolatilityResults;
import com.klinecast.training.volatility.VolatilityResultsMarkdown;
import com.klinecast.training.volatility.VolatilitySeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code results --target volatility}: naive, mean30, HAR, the LSTM and the MLP fitted on each series as
 * {@code train --target volatility} fits them (nothing is published), their test-split QLIKE and MSE against
 * naive volatility, and the champion the rule would serve.
 */
final class VolatilityResultsRun {

    private VolatilityResultsRun() {
    }

    /** @param variance the range variance to forecast, or null for the configured one */
    static void run(LocalStack stack, List<Series> series, int[] horizons, String variance, boolean json, Path doc) {
        Map<String, Object> overrides = new LinkedHashMap<>(Map.of("target", "volatility"));
        if (variance != null) {
            overrides.put("variance", variance);
        }
        List<VolatilityResults> all = new ArrayList<>();
        for (Series s : series) {
            TrainingConfig config = TrainingConfigs.forSeries(s, null, overrides);
            for (int h : horizons) {
                if (!config.horizons().contains(h)) {
                    throw new IllegalArgumentException("--horizons " + h + " is not a backtest horizon of the "
                            + "volatility models: use some of " + config.horizons());
                }
            }
            long started = System.nanoTime();
            VolatilitySeries data = VolatilitySeries.read(stack.featureTable(), s, config.varianceProxy());
            all.add(VolatilityResults.evaluate(s, data, config, VolatilityNetworks.defaults(line -> System.err
                    .println(s + ": " + line))));
            System.err.printf("%s: volatility results in %.0f s%n", s, (System.nanoTime() - started) / 1e9);
        }
        String markdown = VolatilityResultsMarkdown.render(all, horizons);
        if (json) {
            System.out.println(Reports.toJson(all.stream().map(VolatilityResultsRun::summary).toList()));
        } else {
            System.out.println();
            System.out.print(markdown);
        }
        if (doc != null) {
            if (!Files.isRegularFile(doc)) {
                throw new IllegalArgumentException("no file at " + doc + ": pass --doc");
            }
            try {
                Files.writeString(doc, ResultsMarkdown.between(Files.readString(doc), VolatilityResultsMarkdown.START,
                        VolatilityResultsMarkdown.END, markdown));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rewrite " + doc, e);
            }
            (json ? System.err : System.out).println("\nwritten between the volatility results markers of " + doc);
        }
    }

    private static Map<String, Object> summary(VolatilityResults results) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("series", results.series().toString());
        out.put("target", "volatility");
        out.put("variance", results.variance());
        out.put("realizedDays", results.realized());
        out.put("champion", results.champion());
        out.put("models", results.candidates().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("family", c.model().family());
            m.put("validation", c.validation());
            m.put("training", c.training());
            m.put("test", c.test());
            return m;
        }).toList());
        out.put("decisions", results.decisions());
        return out;
    }
}
