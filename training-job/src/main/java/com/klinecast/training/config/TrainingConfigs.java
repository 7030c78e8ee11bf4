package com.klinecast.training.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klinecast.core.series.Series;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a training configuration: the bundled defaults, then a file's fields over them, then command-line
 * overrides over those. A file may give only the fields it changes; an unknown field is an error, not ignored.
 */
public final class TrainingConfigs {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private TrainingConfigs() {
    }

    public static TrainingConfig defaults() {
        return load(null, Map.of());
    }

    /**
     * A series' settings: the bundled defaults, then its interval's defaults if the project ships them
     * ({@code interval-defaults/INTERVAL.json}: 1m has a week in 10,080 bars), then the series' own defaults
     * ({@code series-defaults/SYMBOL-INTERVAL.json}: what tuning and the backtest chose for it), then the file, then
     * the overrides.
     */
    public static TrainingConfig forSeries(Series series, Path file, Map<String, Object> overrides) {
        Map<String, Object> layered = new LinkedHashMap<>();
        intervalDefaults(series).fields().forEachRemaining(f -> layered.put(f.getKey(), f.getValue()));
        seriesDefaults(series).fields().forEachRemaining(f -> layered.put(f.getKey(), f.getValue()));
        if (file != null) {
            readObject(file).fields().forEachRemaining(f -> layered.put(f.getKey(), f.getValue()));
        }
        layered.putAll(overrides);
        return load(null, layered);
    }

    /** The fields a series' bundled defaults change, empty when it has none. */
    public static ObjectNode seriesDefaults(Series series) {
        return bundledObject("/series-defaults/" + series.symbol() + "-" + series.interval().code() + ".json");
    }

    /** The fields every series of an interval changes, empty when the interval has none. */
    public static ObjectNode intervalDefaults(Series series) {
        return bundledObject("/interval-defaults/" + series.interval().code() + ".json");
    }

    private static ObjectNode bundledObject(String resource) {
        try (InputStream in = TrainingConfigs.class.getResourceAsStream(resource)) {
            return in == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(in);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("the bundled " + resource + " is not a JSON object", e);
        }
    }

    /**
     * @param file a JSON file with some or all fields, or null
     * @param overrides field name to value (from the command line), applied last
     */
    public static TrainingConfig load(Path file, Map<String, Object> overrides) {
        ObjectNode merged = defaultsNode();
        if (file != null) {
            merged.setAll(readObject(file));
        }
        overrides.forEach((name, value) -> merged.set(name, JSON.valueToTree(value)));
        try {
            return JSON.treeToValue(merged, TrainingConfig.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String first = cause.getMessage().lines().findFirst().orElse("bad training config");
            // A field's own parser (the target's) names the value, not the file: say where it came from.
            throw new IllegalArgumentException(first.startsWith("training config") ? first : "training config: " + first);
        }
    }

    private static ObjectNode readObject(Path file) {
        try {
            JsonNode fromFile = JSON.readTree(Files.readString(file));
            if (!(fromFile instanceof ObjectNode object)) {
                throw new IllegalArgumentException("training config " + file + " must be a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read training config " + file + ": " + e.getMessage());
        }
    }

    /** The config a version was trained with, from its manifest's {@code config} section (over the defaults). */
    public static TrainingConfig fromJson(JsonNode config) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        config.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        return load(null, fields);
    }

    public static JsonNode toJson(TrainingConfig config) {
        return JSON.valueToTree(config);
    }

    private static ObjectNode defaultsNode() {
        try (InputStream in = TrainingConfigs.class.getResourceAsStream("/training-default.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled training-default.json is unreadable", e);
        }
    }
}
