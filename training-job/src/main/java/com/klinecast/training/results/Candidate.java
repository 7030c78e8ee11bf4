package com.klinecast.training.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klinecast.core.series.Series;
import com.klinecast.training.config.TrainingConfig;
import com.klinecast.training.config.TrainingConfigs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named configuration the results table compares: its fields over the bundled defaults, as a config file's are.
 *
 * @param about one line on where the settings come from, printed under the table
 * @param overSeriesDefaults whether the settings go over each series' own defaults rather than the bundled ones
 */
public record Candidate(String name, String about, ObjectNode settings, boolean overSeriesDefaults) {

    public Candidate(String name, String about, ObjectNode settings) {
        this(name, about, settings, false);
    }

    public Candidate {
        if (name == null || name.isBlank() || name.contains("|")) {
            throw new IllegalArgumentException("a candidate needs a name without '|': " + name);
        }
        about = about == null ? "" : about;
    }

    /** The settings over the bundled defaults; checks a candidate as it is read. */
    public TrainingConfig config() {
        return config(null);
    }

    /** The settings for {@code series}: over its own defaults if {@link #overSeriesDefaults}. */
    public TrainingConfig config(Series series) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        settings.fields().forEachRemaining(f -> overrides.put(f.getKey(), (JsonNode) f.getValue()));
        try {
            return overSeriesDefaults && series != null ? TrainingConfigs.forSeries(series, null, overrides)
                    : TrainingConfigs.load(null, overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("candidate " + name + ": " + e.getMessage());
        }
    }
}
