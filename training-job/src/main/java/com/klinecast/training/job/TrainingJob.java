package com.klinecast.training.job;

import com.klinecast.core.champion.PromotionRule;
import com.klinecast.core.dataset.Split;
import com.klinecast.core.forecast.Forecasts;
import com.klinecast.core.forecast.Bar;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.PromotionDecision;
import com.klinecast.core.series.Interval;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.model.EpochListener;
import com.klinecast.training.pipeline.BaselineModel;
import com.klinecast.training.pipeline.TrainedModel;
import com.klinecast.training.pipeline.TrainingPipeline;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * One training run: the series from the feature table, trained and evaluated, published as a new version, and
 * promoted only by the evidence rule ({@link PromotionRule}). A series without a champion first gets the naive
 * baseline as champion, and drift as its first challenger, so the first version anyone is served is honest and
 * every network must beat it. The container's main and the CLI both run this.
 */
public final class TrainingJob {

    private final FeatureTable features;
    private final ModelRegistry registry;
    private final EpochListener epochs;
    private final Consumer<String> log;

    public TrainingJob(FeatureTable features, ModelRegistry registry, EpochListener epochs, Consumer<String> log) {
        this.features = features;
        this.registry = registry;
        this.epochs = epochs;
        this.log = log;
    }

    /** @param trainUntil last open time of the training split, or null for the configured fractions */
    public TrainingOutcome run(Series series, TrainingConfig config, Instant trainUntil) {
        return run(series, config, null, trainUntil);
    }

    /**
     * @param trainFrom first open time read (the training split's start), or null for the series' first bar
     * @param trainUntil last open time of the training split, or null for the configured fractions
     */
    public TrainingOutcome run(Series series, TrainingConfig config, Instant trainFrom, Instant trainUntil) {
        if (config.target() == Target.VOLATILITY) {
            throw new IllegalArgumentException("volatility models are fitted by VolatilityJob, not trained here");
        }
        if (trainFrom != null && trainUntil != null && !trainFrom.isBefore(trainUntil)) {
            throw new IllegalArgumentException("the training range is empty: from " + trainFrom + " until "
                    + trainUntil);
        }
        List<Bar> bars = SeriesBars.read(features, series, trainFrom);
        int trainEnd = -1;
        if (trainUntil != null) {
            trainEnd = (int) bars.stream().filter(b -> b.openTime() <= trainUntil.toEpochMilli()).count();
        }
        // Each target has its own versions and champion: a volume model is compared with volume models only.
        ModelRegistry models = registry.forTarget(config.target());
        PromotionRule rule = new PromotionRule(config.promotionHorizonsWithin(), PromotionRule.DEFAULT_ALPHA);
        if (models.champion(series).isEmpty()) {
            publishBaselines(models, series, bars, TrainingPipeline.split(bars, config, trainEnd), config, rule);
        }
        TrainedModel model = new TrainingPipeline(epochs, log).train(series, bars, config, trainEnd);
        EvidenceJudge judge = judge(models, series, bars, model.evaluation().onTest(), rule);
        ModelManifest manifest = new ModelPublisher(models).publish(model, judge.verdict());
        log.accept(series + ": wrote " + config.target().code() + " version " + manifest.version());
        PromotionDecision decision = models.promoteIf(series, manifest.version(), judge);
        log.accept(series + ": " + (decision.promoted() ? "promoted to champion" : "not promoted") + " ("
                + decision.reason() + ")");
        return new TrainingOutcome(model, manifest, decision);
    }

    /**
     * Naive becomes the champion, then the other baselines are judged against the champion as any challenger is:
     * for daily volume seasonal naive first, so every later model faces the better of the two by the rule.
     */
    private void publishBaselines(ModelRegistry models, Series series, List<Bar> bars, Split split,
            TrainingConfig config, PromotionRule rule) {
        BaselinePublisher publisher = new BaselinePublisher(models);
        BaselineModel naive = BaselineModel.evaluate(ModelFamily.NAIVE, series, bars, split, config);
        ModelManifest naiveVersion = publisher.publish(series, naive, config, null);
        PromotionDecision first = models.promoteIf(series, naiveVersion.version(), champion -> {
            throw new IllegalStateException("naive is published only for a series without a champion");
        });
        log.accept(series + ": naive published as v" + naiveVersion.version() + (first.promoted()
                ? ", the first champion: no model serves until one beats it by the rule" : ": " + first.reason()));
        for (ModelFamily family : challengers(series, config)) {
            BaselineModel baseline = BaselineModel.evaluate(family, series, bars, split, config);
            EvidenceJudge judge = judge(models, series, bars, baseline.evaluation().onTest(), rule);
            ModelManifest version = publisher.publish(series, baseline, config, judge.verdict());
            PromotionDecision decision = models.promoteIf(series, version.version(), judge);
            log.accept(series + ": " + family.code() + " published as v" + version.version() + "; "
                    + (decision.promoted() ? "promoted" : "not promoted") + " (" + decision.reason() + ")");
        }
    }

    /** The baselines after naive: a week's season means something for daily volume only. */
    private static List<ModelFamily> challengers(Series series, TrainingConfig config) {
        if (config.target() == Target.VOLUME && series.interval() == Interval.D1) {
            return List.of(ModelFamily.SEASONAL_NAIVE, ModelFamily.MEAN7, ModelFamily.DRIFT);
        }
        return List.of(ModelFamily.DRIFT);
    }

    /** A judge that has already compared the challenger with the current champion (if any), for the manifest. */
    private EvidenceJudge judge(ModelRegistry models, Series series, List<Bar> bars, Forecasts onTest,
            PromotionRule rule) {
        EvidenceJudge judge = new EvidenceJudge(models, series, bars, onTest, rule, log);
        models.champion(series).flatMap(c -> models.manifest(series, c.version())).ifPresent(judge::judge);
        return judge;
    }
}
