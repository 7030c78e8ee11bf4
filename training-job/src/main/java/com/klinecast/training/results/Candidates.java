package com.klinecast.training.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The configurations the README's results table compares, in table order, from a JSON array of
 * {@code {"name": ..., "about": ..., "config": {fields over the defaults}, "overSeriesDefaults": false}}; the
 * bundled list is {@code candidates.json}. With {@code overSeriesDefaults} the fields go over each series' own
 * defaults (what {@code train} uses for it) instead of the bundled ones.
 */
public final class Candidates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Candidates() {
    }

    public static List<Candidate> bundled() {
        try (InputStream in = Candidates.class.getResourceAsStream("/candidates.json")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "candidates.json");
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled candidates.json is unreadable", e);
        }
    }

    public static List<Candidate> read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read candidates " + file + ": " + e.getMessage());
        }
    }

    /** A candidate from a plain config file (e.g. what {@code tune --save-winner} wrote). */
    public static Candidate fromConfigFile(String name, Path file) {
        try {
            if (!(JSON.readTree(Files.readString(file)) instanceof ObjectNode settings)) {
                throw new IllegalArgumentException("config " + file + " must be a JSON object");
            }
            return new Candidate(name, "settings from " + file.getFileName(), settings);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config " + file + ": " + e.getMessage());
        }
    }

    /** {@code list} with {@code replacement} in place of the entry of its name, or after the last if none. */
    public static List<Candidate> with(List<Candidate> list, Candidate replacement) {
        List<Candidate> out = new ArrayList<>(list);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equals(replacement.name())) {
                out.set(i, replacement);
                return out;
            }
        }
        out.add(replacement);
        return out;
    }

    static List<Candidate> parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        if (!(root instanceof ArrayNode array) || array.isEmpty()) {
            throw new IllegalArgumentException(source + " must be a non-empty array of {name, about, config}");
        }
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode entry : array) {
            JsonNode settings = entry.path("config");
            if (!(settings instanceof ObjectNode object)) {
                throw new IllegalArgumentException(source + ": candidate " + entry.path("name").asText("?")
                        + " needs a \"config\" object (may be empty: the defaults)");
            }
            Candidate candidate = new Candidate(entry.path("name").asText(null), entry.path("about").asText(null),
                    object, entry.path("overSeriesDefaults").asBoolean(false));
            if (candidates.stream().anyMatch(c -> c.name().equals(candidate.name()))) {
                throw new IllegalArgumentException(source + ": candidate " + candidate.name() + " is listed twice");
            }
            candidate.config(); // a bad field fails on reading, not after the first candidates have trained
            candidates.add(candidate);
        }
        return List.copyOf(candidates);
    }
}
