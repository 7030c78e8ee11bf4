package com.klinecast.training.volatility;

import com.klinecast.core.champion.PromotionRule;
import com.klinecast.core.dataset.Split;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.PromotionDecision;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.core.volatility.NaiveVariance;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.job.SeriesBars;
import com.klinecast.training.pipeline.DataRange;
import com.klinecast.training.pipeline.TrainingPipeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One volatility training run: the series' daily variances from the feature table, naive, mean30 and HAR fitted
 * and backtested ({@link VolatilityFits}), then the LSTM and the MLP ({@link VolatilityNetworks}), published under the volatility target's keys and promoted only by the
 * evidence rule on QLIKE. A series without a volatility champion first gets naive as champion, so every model
 * must beat the last day's variance repeated; naive is not published again after that.
 */
public final class VolatilityJob {

    private final FeatureTable features;
    private final ModelRegistry registry;
    private final VolatilityNetworks networks;
    private final Consumer<String> log;

    /** A job that trains the networks too, with their default settings. */
    public VolatilityJob(FeatureTable features, ModelRegistry registry, Consumer<String> log) {
        this(features, registry, VolatilityNetworks.defaults(log), log);
    }

    public VolatilityJob(FeatureTable features, ModelRegistry registry, VolatilityNetworks networks,
            Consumer<String> log) {
        this.features = features;
        this.registry = registry;
        this.networks = networks;
        this.log = log;
    }

    /** @param trainUntil last open time of the training split, or null for the configured fractions */
    public VolatilityOutcome run(Series series, TrainingConfig config, Instant trainUntil) {
        return run(series, VolatilitySeries.read(features, series, config.varianceProxy()), config, trainUntil);
    }

    VolatilityOutcome run(Series series, VolatilitySeries data, TrainingConfig config, Instant trainUntil) {
        List<Bar> bars = data.bars();
        int trainEnd = -1;
        if (trainUntil != null) {
            trainEnd = (int) bars.stream().filter(b -> b.openTime() <= trainUntil.toEpochMilli()).count();
        }
        Split split = TrainingPipeline.split(bars, config, trainEnd);
        double[] variance = data.variance();
        long[] openTimes = data.openTimes();
        if (data.realized()) {
            log.accept(series + ": " + data.days().realized() + " days measured from their 24 hourly candles ("
                    + Instant.ofEpochMilli(data.days().firstRealized()) + " .. "
                    + Instant.ofEpochMilli(data.days().lastRealized()) + "), the others from their daily candle");
        }
        List<VolatilityCandidate> candidates = new ArrayList<>(VolatilityFits.fit(variance, openTimes, split,
                config.horizonArray(), config.maxHorizon()));
        candidates.addAll(networks.fit(variance, openTimes, split, config.horizonArray(), config.maxHorizon(),
                config.seed(), config.epochs()));
        ModelRegistry models = registry.forTarget(Target.VOLATILITY);
        PromotionRule rule = new PromotionRule(config.promotionHorizonsWithin(), PromotionRule.DEFAULT_ALPHA);
        VolatilityPublisher publisher = new VolatilityPublisher(models);
        DataRange range = DataRange.of(bars, split);
        List<VolatilityOutcome.Published> published = new ArrayList<>();
        for (VolatilityCandidate candidate : candidates) {
            boolean naive = candidate.model() instanceof NaiveVariance;
            if (naive && models.champion(series).isPresent()) {
                continue;
            }
            VolatilityJudge judge = new VolatilityJudge(series, variance, openTimes, config.varianceProxy(),
                    data.realized(), candidate.onTest(), rule, log);
            models.champion(series).flatMap(c -> models.manifest(series, c.version())).ifPresent(judge::judge);
            ModelManifest manifest = publisher.publish(series, candidate, config, range, data.days(),
                    judge.verdict());
            PromotionDecision decision = models.promoteIf(series, manifest.version(), judge);
            log.accept(series + ": volatility " + candidate.model().family() + " published as v"
                    + manifest.version() + "; " + (decision.promoted() ? "promoted" : "not promoted") + " ("
                    + decision.reason() + ")");
            published.add(new VolatilityOutcome.Published(candidate.model().family(), manifest.version(), decision));
        }
        return new VolatilityOutcome(candidates, published);
    }
}
