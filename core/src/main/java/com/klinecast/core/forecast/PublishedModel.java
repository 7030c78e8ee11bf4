package com.klinecast.core.forecast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.forecast.portable.PortableLstm;
import com.klinecast.core.forecast.portable.PortableLstmJson;
import com.klinecast.core.registry.LoadedModel;
import com.klinecast.core.registry.ModelManifest;
import java.time.Instant;

/**
 * A registry version ready to forecast without Deeplearning4j: the portable weights and the scaler, window and
 * training range from its manifest (never recomputed from the data, the reference prototype's defect).
 */
public record PublishedModel(ModelManifest manifest, Forecaster forecaster, Instant trainedUntil) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static PublishedModel of(LoadedModel loaded) {
        ModelManifest manifest = loaded.manifest();
        PortableLstm network = PortableLstmJson.fromBytes(loaded.artifact("weights.json"));
        Scaling scaling;
        try {
            scaling = JSON.treeToValue(manifest.scaler(), Scaling.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("version " + manifest.version() + " has an unreadable scaler", e);
        }
        int window = manifest.features().path("window").asInt(network.window());
        Instant trainedUntil = Instant.parse(manifest.trainingData().path("trainTo").asText());
        return new PublishedModel(manifest, new Forecaster(network::forward, scaling, window,
                manifest.series().interval()), trainedUntil);
    }
}
