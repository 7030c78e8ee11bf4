package com.klinecast.training.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.champion.PromotionRule;
import com.klinecast.core.champion.Verdict;
import com.klinecast.core.evaluation.Backtest;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.published.PublishedModel;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.training.judge.ComparingJudge;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Judges a challenger against the champion by {@link PromotionRule}: the published champion (the portable model
 * the predictor runs) forecasts from the challenger's test origins, and the two sets of errors are compared. A
 * champion fitted or validated on data inside that window is not compared (its errors there would flatter it):
 * the champion stays. Naive, seasonal naive and mean7 have nothing fitted, so they can always be compared.
 */
final class EvidenceJudge extends ComparingJudge {

    private final ModelRegistry registry;
    private final Series series;
    private final List<Bar> bars;
    private final Forecasts challenger;
    private final PromotionRule rule;

    EvidenceJudge(ModelRegistry registry, Series series, List<Bar> bars, Forecasts challenger, PromotionRule rule,
            Consumer<String> log) {
        super(series, log, "the champion");
        this.registry = registry;
        this.series = series;
        this.bars = bars;
        this.challenger = challenger;
        this.rule = rule;
    }

    @Override
    protected Verdict compare(ModelManifest champion) {
        PublishedModel model = PublishedModel.of(registry.load(series, champion.version()));
        int first = challenger.origins()[0];
        if (!model.family().fitsNothing()) {
            Instant seenUntil;
            try {
                seenUntil = Instant.parse(champion.trainingData().path("validationTo").asText(""));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("its manifest does not say what data it was validated on");
            }
            if (bars.get(first + 1).openTime() <= seenUntil.toEpochMilli()) {
                throw new IllegalArgumentException("it was validated up to " + seenUntil + ", inside this test window");
            }
        }
        int maxH = Math.min(challenger.maxHorizon(), champion.config().path("horizons").isArray()
                ? maxOf(champion.config().path("horizons")) : challenger.maxHorizon());
        int[] horizons = Arrays.stream(rule.horizons()).filter(h -> h <= maxH).toArray();
        Forecasts theirs = Backtest.forecast(bars, model.forecaster(), first,
                challenger.origins()[challenger.origins().length - 1] + 1, maxH);
        return new PromotionRule(horizons, rule.alpha()).judge(bars, challenger, theirs);
    }

    private static int maxOf(JsonNode horizons) {
        int max = 0;
        for (JsonNode h : horizons) {
            max = Math.max(max, h.asInt());
        }
        return max;
    }
}
