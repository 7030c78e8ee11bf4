package com.klinecast.training.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * @param file a JSON file with some or all fields, or null
     * @param overrides field name to value (from the command line), applied last
     */
    public static TrainingConfig load(Path file, Map<String, Object> overrides) {
        ObjectNode merged = defaultsNode();
        if (file != null) {
            try {
                JsonNode fromFile = JSON.readTree(Files.readString(file));
                if (!(fromFile instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("training config " + file + " must be a JSON object");
                }
                merged.setAll(object);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read training config " + file + ": " + e.getMessage());
            }
        }
        overrides.forEach((name, value) -> merged.set(name, JSON.valueToTree(value)));
        try {
            return JSON.treeToValue(merged, TrainingConfig.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException(cause.getMessage().lines().findFirst().orElse("bad training config"));
        }
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
