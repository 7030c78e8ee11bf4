package com.klinecast.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klinecast.core.series.Series;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry's JSON documents, mapped by hand so the stored format is explicit and does not move with a
 * class's fields: {@code manifest.json}, {@code champion.json} (and its log entries) and the allocation marker.
 * Readers are strict (required fields, known fields only) and throw {@link IllegalArgumentException} on anything
 * else; callers turn that into the error that fits ({@link CorruptModelException} for a manifest).
 */
final class RegistryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final Set<String> MANIFEST_FIELDS = Set.of("schema", "symbol", "interval", "version", "createdAt",
            "promotionScore", "testWindow", "artifacts", "config", "features", "scaler", "trainingData", "metrics",
            "libraries", "gitCommit");
    private static final Set<String> CHAMPION_FIELDS = Set.of("schema", "symbol", "interval", "revision", "version",
            "promotedAt", "reason", "previous", "writeId");

    private RegistryJson() {
    }

    /** A champion document: the public record plus the id of the write that created it. */
    record ChampionState(Champion champion, String writeId) {
    }

    static byte[] manifest(ModelManifest m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", ModelManifest.SCHEMA);
        root.put("symbol", m.series().symbol());
        root.put("interval", m.series().interval().code());
        root.put("version", m.version());
        root.put("createdAt", m.createdAt().toString());
        root.put("promotionScore", m.promotionScore());
        ObjectNode window = root.putObject("testWindow");
        window.put("from", m.testWindow().from().toString());
        window.put("to", m.testWindow().to().toString());
        ObjectNode artifacts = root.putObject("artifacts");
        m.artifacts().forEach((name, a) -> artifacts.putObject(name).put("sha256", a.sha256()).put("size", a.size()));
        root.set("config", m.config());
        root.set("features", m.features());
        root.set("scaler", m.scaler());
        root.set("trainingData", m.trainingData());
        root.set("metrics", m.metrics());
        root.set("libraries", m.libraries());
        if (m.gitCommit() == null) {
            root.putNull("gitCommit");
        } else {
            root.put("gitCommit", m.gitCommit());
        }
        return write(root);
    }

    static ModelManifest manifest(byte[] json) {
        ObjectNode root = object(read(json), "manifest");
        knownFields(root, MANIFEST_FIELDS, "manifest");
        int schema = integer(root, "schema");
        if (schema != ModelManifest.SCHEMA) {
            throw new IllegalArgumentException("manifest schema " + schema + " is not " + ModelManifest.SCHEMA);
        }
        ObjectNode window = object(required(root, "testWindow"), "testWindow");
        Map<String, ModelManifest.Artifact> artifacts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object(required(root, "artifacts"), "artifacts").properties()) {
            ObjectNode a = object(e.getValue(), "artifact " + e.getKey());
            artifacts.put(e.getKey(), new ModelManifest.Artifact(text(a, "sha256"), longValue(a, "size")));
        }
        JsonNode commit = root.get("gitCommit");
        JsonNode score = required(root, "promotionScore");
        if (!score.isNumber()) {
            throw new IllegalArgumentException("promotionScore is not a number");
        }
        return new ModelManifest(
                Series.of(text(root, "symbol"), text(root, "interval")),
                integer(root, "version"),
                Instant.parse(text(root, "createdAt")),
                artifacts,
                score.doubleValue(),
                TestWindow.parse(text(window, "from"), text(window, "to")),
                root.get("config"), root.get("features"), root.get("scaler"), root.get("trainingData"),
                root.get("metrics"), root.get("libraries"),
                commit == null || commit.isNull() ? null : commit.asText());
    }

    static byte[] champion(ChampionState state) {
        Champion c = state.champion();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", 1);
        root.put("symbol", c.series().symbol());
        root.put("interval", c.series().interval().code());
        root.put("revision", c.revision());
        root.put("version", c.version());
        root.put("promotedAt", c.promotedAt().toString());
        root.put("reason", c.reason());
        ArrayNode previous = root.putArray("previous");
        c.previous().forEach(previous::add);
        root.put("writeId", state.writeId());
        return write(root);
    }

    static ChampionState champion(byte[] json) {
        ObjectNode root = object(read(json), "champion");
        knownFields(root, CHAMPION_FIELDS, "champion");
        List<Integer> previous = new ArrayList<>();
        JsonNode list = required(root, "previous");
        if (!list.isArray()) {
            throw new IllegalArgumentException("champion 'previous' is not an array");
        }
        list.forEach(v -> {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new IllegalArgumentException("champion 'previous' holds a non-integer: " + v);
            }
            previous.add(v.intValue());
        });
        Champion champion = new Champion(Series.of(text(root, "symbol"), text(root, "interval")),
                integer(root, "version"), integer(root, "revision"), Instant.parse(text(root, "promotedAt")),
                text(root, "reason"), previous);
        return new ChampionState(champion, text(root, "writeId"));
    }

    static byte[] allocation(String writeId, Instant at) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("writeId", writeId);
        root.put("allocatedAt", at.toString());
        return write(root);
    }

    /** The {@code writeId} of a marker or champion document, or null when there is none or it does not parse. */
    static String writeIdOf(byte[] json) {
        try {
            JsonNode id = MAPPER.readTree(json).get("writeId");
            return id == null || !id.isTextual() ? null : id.asText();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return (ObjectNode) node;
    }

    private static void knownFields(ObjectNode node, Set<String> known, String what) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(what + " has an unknown field '" + name + "'");
            }
        });
    }

    private static JsonNode required(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is not a string");
        }
        return value.asText();
    }

    private static int integer(ObjectNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "' is not an integer");
        }
        return value.intValue();
    }

    private static long longValue(ObjectNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "' is not an integer");
        }
        return value.longValue();
    }
}
