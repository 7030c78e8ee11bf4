package com.klinecast.core.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klinecast.core.bands.Band;
import com.klinecast.core.bands.BandJson;
import com.klinecast.core.forecast.Baselines;
import com.klinecast.core.forecast.Forecaster;
import com.klinecast.core.forecast.ModelFamily;
import com.klinecast.core.forecast.Scaling;
import com.klinecast.core.forecast.portable.NetworkKind;
import com.klinecast.core.forecast.portable.PortableNetwork;
import com.klinecast.core.registry.LoadedModel;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.series.Target;
import java.time.Instant;

/**
 * A registry version ready to forecast without Deeplearning4j: the portable weights (none for a baseline) and the
 * scaler, window, forecast mode, band and training range from its manifest (never recomputed from the data, the
 * reference prototype's defect). The manifest's {@code config.model} names the family (versions from before the
 * field are LSTMs); the scaler says what the forecasts are of (before targets existed, the close); the band is
 * {@code metrics.band}, absent in versions from before bands.
 */
public record PublishedModel(ModelManifest manifest, Forecaster forecaster, Instant trainedUntil, ModelFamily family,
        Band band) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static PublishedModel of(LoadedModel loaded) {
        ModelManifest manifest = loaded.manifest();
        ModelFamily family = ModelFamily.of(manifest.config().path("model").asText("lstm"));
        Scaling scaling = read(manifest, scalerWithTarget(manifest.scaler()), Scaling.class, "scaler");
        Forecaster forecaster;
        if (family.isBaseline()) {
            forecaster = Baselines.forecaster(scaling, maxHorizon(manifest.config().path("horizons")),
                    manifest.series().interval());
        } else {
            PortableNetwork network = NetworkKind.of(family).read(loaded.artifact("weights.json"));
            int window = manifest.features().path("window").asInt(network.window());
            // Versions trained before direct forecasts existed have no such field and were all recursive.
            Forecaster.Mode mode = Forecaster.Mode.of(manifest.config().path("forecast").asText("recursive"));
            forecaster = new Forecaster(mode, network, scaling, window, manifest.series().interval());
        }
        JsonNode bandNode = manifest.metrics().path("band");
        Band band;
        try {
            band = bandNode.isObject() ? BandJson.read(bandNode) : null;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("version " + manifest.version() + " has an unreadable band", e);
        }
        Instant trainedUntil = Instant.parse(manifest.trainingData().path("trainTo").asText());
        return new PublishedModel(manifest, forecaster, trainedUntil, family, band);
    }

    /** A scaler from before targets existed names none: those versions are all close models. */
    static JsonNode scalerWithTarget(JsonNode scaler) {
        if (scaler instanceof ObjectNode object && !object.hasNonNull("target")) {
            return object.deepCopy().put("target", Target.CLOSE.code());
        }
        return scaler;
    }

    private static int maxHorizon(JsonNode horizons) {
        int max = 0;
        for (JsonNode h : horizons) {
            max = Math.max(max, h.asInt());
        }
        if (max == 0) {
            throw new IllegalStateException("a baseline version must list its horizons in config.horizons");
        }
        return max;
    }

    private static <T> T read(ModelManifest manifest, JsonNode node, Class<T> type, String what) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("version " + manifest.version() + " has an unreadable " + what, e);
        }
    }
}
