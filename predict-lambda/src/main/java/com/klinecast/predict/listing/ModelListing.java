package com.klinecast.predict.listing;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.core.bands.BandJson;
import com.klinecast.core.registry.Champion;
import com.klinecast.core.registry.CorruptModelException;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.registry.ModelRegistry;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.predict.cache.UntilNextClose;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only view of the registry for operators and API callers: versions, their skill, the champion. Listing
 * reads every version's manifest, so the API keeps each listing until the series' next candle closes (a new
 * version is trained from closed candles), and no longer than the champion re-check interval, so that it never
 * names an older champion than the forecasts serve.
 */
public final class ModelListing {

    private record Key(Series series, Target target) {
    }

    private final ModelRegistry registry;
    private final UntilNextClose<Key, ModelList> cache;

    /** Reads the registry on every call (the CLI's {@code models}). */
    public ModelListing(ModelRegistry registry) {
        this.registry = registry;
        this.cache = null;
    }

    /** Keeps each listing until the series' next close, at most {@code maxAge}. */
    public ModelListing(ModelRegistry registry, Clock clock, Duration maxAge) {
        this.registry = registry;
        this.cache = new UntilNextClose<>(clock, maxAge, maxAge);
    }

    public ModelList list(Series series, Target target) {
        if (cache == null) {
            return read(series, target);
        }
        return cache.get(new Key(series, target), series.interval(), () -> read(series, target), listing -> true);
    }

    private ModelList read(Series series, Target target) {
        ModelRegistry registry = this.registry.forTarget(target);
        List<ModelList.VersionInfo> versions = new ArrayList<>();
        List<ModelList.UnreadableVersion> unreadable = new ArrayList<>();
        for (int version : registry.list(series)) {
            try {
                registry.manifest(series, version).ifPresent(m -> versions.add(info(m)));
            } catch (CorruptModelException e) {
                unreadable.add(new ModelList.UnreadableVersion(version, e.getMessage()));
            }
        }
        Optional<Champion> champion = registry.champion(series);
        return new ModelList(series.symbol(), series.interval().code(), target.code(), champion.map(c ->
                new ModelList.ChampionInfo(c.version(), c.revision(), c.promotedAt().toString(), c.reason(),
                        c.previous())).orElse(null), versions, unreadable);
    }

    private static ModelList.VersionInfo info(ModelManifest m) {
        Map<String, Double> mase = new LinkedHashMap<>();
        Map<String, Double> qlike = new LinkedHashMap<>();
        Map<String, Double> dm = new LinkedHashMap<>();
        for (JsonNode h : m.metrics().path("test").path("horizons")) {
            // A volatility version is scored by QLIKE beside naive volatility; every other by MASE.
            if (h.path("qlikeRatio").isNumber()) {
                qlike.put(h.path("horizon").asText(), h.path("qlikeRatio").asDouble());
            } else {
                mase.put(h.path("horizon").asText(), h.path("mase").asDouble());
            }
            if (h.path("dmPValue").isNumber()) {
                dm.put(h.path("horizon").asText(), h.path("dmPValue").asDouble());
            }
        }
        JsonNode selection = m.metrics().path("bandSelection");
        Map<String, Double> bandCoverage = new LinkedHashMap<>();
        for (JsonNode h : selection.path("coverage")) {
            if (h.path("coverage80").isNumber()) {
                bandCoverage.put(h.path("horizon").asText(), h.path("coverage80").asDouble());
            }
        }
        return new ModelList.VersionInfo(m.version(), m.config().path("model").asText("lstm"),
                BandJson.method(m.metrics().path("band")), m.createdAt().toString(),
                m.trainingData().path("trainTo").asText(null), m.testWindow().from().toString(),
                m.testWindow().to().toString(), m.promotionScore(), mase, qlike, dm,
                selection.path("folds").isInt() ? selection.path("folds").asInt() : null, bandCoverage);
    }
}
