package com.klinecast.training.job;

import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.PublishedModel;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.RegistryException;
import com.klinecast.core.registry.TestWindow;
import com.klinecast.core.series.Series;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Scores the champion on a new version's test window exactly as the pipeline scored the new version: the
 * published portable model, walk-forward origins from the bar before the window to its last bar, MAE at horizon
 * 1. Refused (NaN) when the window starts inside the data the champion was trained or validated on, where its
 * score would flatter it.
 */
final class ChampionRescorer implements ModelRegistry.Rescorer {

    private final ModelRegistry registry;
    private final Series series;
    private final List<Bar> bars;
    private final java.util.function.Consumer<String> log;

    ChampionRescorer(ModelRegistry registry, Series series, List<Bar> bars, java.util.function.Consumer<String> log) {
        this.registry = registry;
        this.series = series;
        this.bars = bars;
        this.log = log;
    }

    @Override
    public double score(ModelManifest champion, TestWindow window) {
        Instant seenUntil;
        try {
            seenUntil = Instant.parse(champion.trainingData().path("validationTo").asText(""));
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
        if (!window.from().isAfter(seenUntil)) {
            log.accept(series + ": the champion v" + champion.version() + " was validated up to " + seenUntil
                    + ", inside the new test window " + window + "; not re-scored");
            return Double.NaN;
        }
        int first = indexOf(window.from());
        int last = indexOf(window.to());
        if (first < 1 || last < first) {
            return Double.NaN;
        }
        PublishedModel model;
        try {
            model = PublishedModel.of(registry.load(series, champion.version()));
        } catch (RegistryException | IllegalStateException | IllegalArgumentException e) {
            log.accept(series + ": the champion v" + champion.version() + " cannot be re-scored: " + e.getMessage());
            return Double.NaN;
        }
        double mae = Backtest.evaluate(bars, Backtest.forecast(bars, model.forecaster(), first - 1, last, 1),
                new int[] {1}, null).at(1).mae();
        log.accept(series + ": champion v" + champion.version() + " re-scored on " + window + ": MAE at horizon 1 "
                + mae);
        return mae;
    }

    private int indexOf(Instant openTime) {
        long t = openTime.toEpochMilli();
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).openTime() == t) {
                return i;
            }
        }
        return -1;
    }
}
