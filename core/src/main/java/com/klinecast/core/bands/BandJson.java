package com.klinecast.core.bands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A band as the JSON a manifest stores, with its {@code method} naming the type. Written through the interface
 * type, since a band held in a map of sections would otherwise lose its method.
 */
public final class BandJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BandJson() {
    }

    public static JsonNode tree(Band band) {
        try {
            return JSON.readTree(JSON.writerFor(Band.class).writeValueAsBytes(band));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stored band's method as the API names it ({@link Band#method()}: an adaptive band is named with its
     * base, e.g. {@code static_rw_adaptive}), the stored type name if this code cannot read it, null without one.
     */
    public static String method(JsonNode node) {
        if (node == null || !node.path("method").isTextual()) {
            return null;
        }
        try {
            return read(node).method();
        } catch (IllegalArgumentException unknown) {
            return node.path("method").asText();
        }
    }

    /** @throws IllegalArgumentException when the JSON is not a band this code knows */
    public static Band read(JsonNode node) {
        try {
            return JSON.treeToValue(node, Band.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a band: " + e.getOriginalMessage(), e);
        }
    }
}
