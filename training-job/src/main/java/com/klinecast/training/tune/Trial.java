package com.klinecast.training.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One point of a grid: a value for every key of the grid, applied over the base configuration.
 *
 * @param number 1-based position in the grid's full expansion, the same whether the grid is searched or sampled
 * @param params config field to value, in the grid file's key order
 */
public record Trial(int number, Map<String, JsonNode> params) {

    public Trial {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The base configuration with this trial's values over it (validated like any config file). */
    public TrainingConfig apply(TrainingConfig base) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        TrainingConfigs.toJson(base).fields().forEachRemaining(f -> overrides.put(f.getKey(), f.getValue()));
        overrides.putAll(params);
        try {
            return TrainingConfigs.load(null, overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grid trial " + number + " (" + describe(params.keySet()) + "): "
                    + e.getMessage());
        }
    }

    /** e.g. {@code hiddenUnits=[32] dropout=0.2}, for the given keys (the grid's varying ones) in grid order. */
    public String describe(Collection<String> keys) {
        return params.entrySet().stream().filter(e -> keys.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + (e.getValue().isTextual() ? e.getValue().asText() : e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
