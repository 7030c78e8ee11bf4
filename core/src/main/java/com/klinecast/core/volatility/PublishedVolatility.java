package com.klinecast.core.volatility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.forecast.Bar;
import java.time.Instant;
import java.util.List;

/**
 * A volatility version read from its manifest: the model (the {@code scaler} section, fitted on the training
 * split and never refitted), the variance it forecasts ({@code config.variance}) and the end of its validation
 * split, after which its forecasts may be judged.
 */
public record PublishedVolatility(ModelManifest manifest, VolatilityModel model, VarianceProxy proxy,
        Instant validatedUntil) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static PublishedVolatility of(ModelManifest manifest) {
        VolatilityModel model;
        try {
            model = JSON.treeToValue(manifest.scaler(), VolatilityModel.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("version " + manifest.version() + " holds no readable volatility model",
                    e);
        }
        VarianceProxy proxy = VarianceProxy.of(manifest.config().path("variance").asText("parkinson"));
        Instant validatedUntil = Instant.parse(manifest.trainingData().path("validationTo").asText());
        return new PublishedVolatility(manifest, model, proxy, validatedUntil);
    }

    /** The variance history of {@code bars} this version reads, and its forecast from the last of them. */
    public double[] forecast(List<Bar> bars, int maxHorizon) {
        if (bars.size() < model.history()) {
            throw new IllegalArgumentException("a " + model.family() + " forecast needs " + model.history()
                    + " days of history, got " + bars.size());
        }
        return model.forecast(proxy.of(bars), bars.size() - 1, maxHorizon);
    }
}
