package com.klinecast.training.job;

import com.klinecast.core.forecast.Bar;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.registry.PromotionDecision;
import com.klinecast.core.series.Series;
import com.klinecast.core.store.FeatureTable;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.model.EpochListener;
import com.klinecast.training.pipeline.TrainedModel;
import com.klinecast.training.pipeline.TrainingPipeline;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * One training run: the series from the feature table, trained and evaluated, published as a new version, and
 * promoted only by the rule. The container's main and the CLI both run this.
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
        List<Bar> bars = SeriesBars.read(features, series);
        int trainEnd = -1;
        if (trainUntil != null) {
            trainEnd = (int) bars.stream().filter(b -> b.openTime() <= trainUntil.toEpochMilli()).count();
        }
        TrainedModel model = new TrainingPipeline(epochs, log).train(series, bars, config, trainEnd);
        // Each target has its own versions and champion: a volume model is compared with volume models only.
        ModelRegistry models = registry.forTarget(config.targetKind());
        ModelManifest manifest = new ModelPublisher(models).publish(model);
        log.accept(series + ": wrote " + config.target() + " version " + manifest.version());
        PromotionDecision decision = models.promoteIfBetter(series, manifest.version(),
                new ChampionRescorer(models, series, bars, log));
        log.accept(series + ": " + (decision.promoted() ? "promoted to champion" : "not promoted") + " ("
                + decision.reason() + ")");
        return new TrainingOutcome(model, manifest, decision);
    }
}
