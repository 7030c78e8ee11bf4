package com.klinecast.core.volatility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.registry.ModelManifest;
import com.klinecast.core.forecast.Bar;
import java.time.Instant;
import java.util.List;

/**
 * A volatility version read from its manifest: the model (the {@code scaler} section, fitted on the training
 * split and never refitted), the variance it forecasts ({@code config.variance}, and {@code config.realized} =
 * {@code 1h} when days covered by 24 hourly candles were measured from them, see {@link RealizedVariance}) and
 * the end of its validation split, after which its forecasts may be judged.
 */
public record PublishedVolatility(ModelManifest manifest, VolatilityModel model, VarianceProxy proxy,
        boolean realized, Instant validatedUntil) {

    /** {@code config.realized} of a version whose covered days were measured from their 1h candles. */
    public static final String REALIZED_1H = "1h";

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
        boolean realized = REALIZED_1H.equals(manifest.config().path("realized").asText(""));
        Instant validatedUntil = Instant.parse(manifest.trainingData().path("validationTo").asText());
        return new PublishedVolatility(manifest, model, proxy, realized, validatedUntil);
    }

    /** Horizons of a version whose manifest lists none. */
    public static final int DEFAULT_MAX_HORIZON = 30;

    /** How this version measures a day. */
    public VarianceMeasure measure() {
        return new VarianceMeasure(proxy, realized);
    }

    /** The longest horizon the version was evaluated at ({@code config.horizons}). */
    public int maxHorizon() {
        int max = 0;
        for (JsonNode h : manifest.config().path("horizons")) {
            max = Math.max(max, h.asInt());
        }
        return max > 0 ? max : DEFAULT_MAX_HORIZON;
    }

    /** The daily variances this version reads: from the hours where it uses them and all 24 are given. */
    public double[] variance(List<Bar> daily, List<Bar> hourly) {
        return measure().of(daily, hourly);
    }

    /** Its forecast from the last of {@code bars}, with the 1h candles of those days (ignored unless realized). */
    public double[] forecast(List<Bar> bars, List<Bar> hourly, int maxHorizon) {
        requireHistory(bars);
        return model.forecast(variance(bars, hourly), bars.size() - 1, maxHorizon);
    }

    /** Its forecast from the last of {@code bars}, their own ranges alone measuring each day. */
    public double[] forecast(List<Bar> bars, int maxHorizon) {
        return forecast(bars, List.of(), maxHorizon);
    }

    private void requireHistory(List<Bar> bars) {
        if (bars.size() < model.history()) {
            throw new IllegalArgumentException("a " + model.family() + " forecast needs " + model.history()
                    + " days of history, got " + bars.size());
        }
    }
}
