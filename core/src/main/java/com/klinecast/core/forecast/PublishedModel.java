package com.klinecast.core.forecast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.forecast.portable.NetworkKind;
import com.klinecast.core.forecast.portable.PortableNetwork;
import com.klinecast.core.registry.LoadedModel;
import com.klinecast.core.registry.ModelManifest;
import java.time.Instant;

/**
 * A registry version ready to forecast without Deeplearning4j: the portable weights and the scaler, window, forecast
 * mode and training range from its manifest (never recomputed from the data, the reference prototype's defect).
 * The manifest's {@code config.model} says which network the weights hold (versions from before the field are
 * LSTMs); the scaler says what the forecasts are of (before targets existed, the close).
 */
public record PublishedModel(ModelManifest manifest, Forecaster forecaster, Instant trainedUntil) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static PublishedModel of(LoadedModel loaded) {
        ModelManifest manifest = loaded.manifest();
        NetworkKind kind = NetworkKind.of(manifest.config().path("model").asText("lstm"));
        PortableNetwork network = kind.read(loaded.artifact("weights.json"));
        Scaling scaling;
        try {
            scaling = JSON.treeToValue(manifest.scaler(), Scaling.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("version " + manifest.version() + " has an unreadable scaler", e);
        }
        int window = manifest.features().path("window").asInt(network.window());
        // Versions trained before direct forecasts existed have no such field and were all recursive.
        Forecaster.Mode mode = Forecaster.Mode.of(manifest.config().path("forecast").asText("recursive"));
        Instant trainedUntil = Instant.parse(manifest.trainingData().path("trainTo").asText());
        return new PublishedModel(manifest, new Forecaster(mode, network, scaling, window,
                manifest.series().interval()), trainedUntil);
    }
}
