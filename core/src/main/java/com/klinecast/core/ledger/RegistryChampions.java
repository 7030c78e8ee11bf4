package com.klinecast.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.published.PublishedModel;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelNotFoundException;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.volatility.PublishedVolatility;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Champions} over the model registry: the champion's verified artifacts turned into a forecaster by
 * {@link PublishedModel}, as the predict function does (the volatility champion read from its manifest by
 * {@link PublishedVolatility}, as the predict function does too). A version is immutable, so each is loaded once
 * per process.
 */
public final class RegistryChampions implements Champions {

    /** Horizons of a version whose manifest lists none (as the predict function assumes). */
    private static final int DEFAULT_MAX_HORIZON = 30;

    private final ModelRegistry registry;
    private final Map<String, ServingModel> loaded = new ConcurrentHashMap<>();
    private final Map<String, PublishedVolatility> volatility = new ConcurrentHashMap<>();

    public RegistryChampions(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<ServingModel> champion(Series series, Target target) {
        ModelRegistry models = registry.forTarget(target);
        Optional<Champion> champion = models.champion(series);
        if (champion.isEmpty()) {
            return Optional.empty();
        }
        int version = champion.get().version();
        return Optional.of(loaded.computeIfAbsent(series + "/" + target.code() + "/" + version,
                k -> serving(PublishedModel.of(models.load(series, version)))));
    }

    @Override
    public Optional<PublishedVolatility> volatility(Series series) {
        ModelRegistry models = registry.forTarget(Target.VOLATILITY);
        Optional<Champion> champion = models.champion(series);
        if (champion.isEmpty()) {
            return Optional.empty();
        }
        int version = champion.get().version();
        return Optional.of(volatility.computeIfAbsent(series + "/" + version, k -> PublishedVolatility.of(
                models.manifest(series, version).orElseThrow(() -> new ModelNotFoundException(series, version)))));
    }

    @Override
    public Optional<Integer> naiveVersion(Series series, Target target) {
        ModelRegistry models = registry.forTarget(target);
        List<Integer> versions = models.list(series);
        for (int i = versions.size() - 1; i >= 0; i--) {
            Optional<ModelManifest> manifest = models.manifest(series, versions.get(i));
            if (manifest.isPresent() && ModelFamily.NAIVE.code().equals(
                    manifest.get().config().path("model").asText(""))) {
                return Optional.of(versions.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean fallBack(Series series, Target target, int naive, int judged, String reason) {
        return registry.forTarget(target).promoteIf(series, naive, champion -> champion.version() == judged
                ? new ModelRegistry.Judgement(true, reason)
                : new ModelRegistry.Judgement(false, "the champion moved to v" + champion.version()
                        + " after the live record of v" + judged + " was judged")).promoted();
    }

    private static ServingModel serving(PublishedModel model) {
        return new ServingModel(model.manifest().version(), model.family().code(), model.forecaster(), model.band(),
                maxHorizon(model.manifest().config().path("horizons")));
    }

    private static int maxHorizon(JsonNode horizons) {
        int max = 0;
        for (JsonNode h : horizons) {
            max = Math.max(max, h.asInt());
        }
        return max > 0 ? max : DEFAULT_MAX_HORIZON;
    }
}
