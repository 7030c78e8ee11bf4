package com.klinecast.training.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named configuration the results table compares: its fields over the bundled defaults, as a config file's are.
 *
 * @param about one line on where the settings come from, printed under the table
 */
public record Candidate(String name, String about, ObjectNode settings) {

    public Candidate {
        if (name == null || name.isBlank() || name.contains("|")) {
            throw new IllegalArgumentException("a candidate needs a name without '|': " + name);
        }
        about = about == null ? "" : about;
    }

    public TrainingConfig config() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        settings.fields().forEachRemaining(f -> overrides.put(f.getKey(), (JsonNode) f.getValue()));
        try {
            return TrainingConfigs.load(null, overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("candidate " + name + ": " + e.getMessage());
        }
    }
}
