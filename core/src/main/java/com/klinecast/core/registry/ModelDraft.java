package com.klinecast.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a training run hands to {@link ModelRegistry#publish}: the artifacts (opaque bytes by name, uploaded in the
 * order given) and the manifest's content. The registry adds the series, the version number, {@code createdAt} and
 * each artifact's SHA-256 and size.
 *
 * <pre>
 * ModelDraft draft = ModelDraft.builder()
 *         .artifact("model.zip", zipBytes)
 *         .artifact("weights.json", weightsJson)
 *         .promotionScore(backtestMaeAtHorizon1)
 *         .testWindow(new TestWindow(firstTestOpenTime, lastTestOpenTime))
 *         .config(hyperParameters).features(featureSpec).scaler(scaler).trainingData(range)
 *         .metrics(metricsWithNaiveBaseline).libraries(versions).gitCommit(commit)
 *         .build();
 * </pre>
 *
 * Sections accept a {@link JsonNode}, a {@code Map<String, Object>} or any Jackson-serializable value; they are
 * converted to JSON trees at once (so later changes to the caller's objects are not seen) and normalized through
 * their JSON text, so the manifest {@code publish} returns equals the one {@code load} reads back.
 */
public final class ModelDraft {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, byte[]> artifacts;
    private final double promotionScore;
    private final TestWindow testWindow;
    private final JsonNode config;
    private final JsonNode features;
    private final JsonNode scaler;
    private final JsonNode trainingData;
    private final JsonNode metrics;
    private final JsonNode libraries;
    private final String gitCommit;

    private ModelDraft(Builder b) {
        if (b.promotionScore == null) {
            throw new IllegalArgumentException("promotionScore is required (the back-test MAE at horizon 1)");
        }
        this.artifacts = Collections.unmodifiableMap(new LinkedHashMap<>(b.artifacts));
        this.promotionScore = ModelManifest.requireScore(b.promotionScore);
        this.testWindow = Objects.requireNonNull(b.testWindow, "testWindow is required");
        this.config = b.config;
        this.features = b.features;
        this.scaler = b.scaler;
        this.trainingData = b.trainingData;
        this.metrics = b.metrics;
        this.libraries = b.libraries;
        this.gitCommit = b.gitCommit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Artifacts by name, in upload order. The arrays are the caller's; the registry never modifies them. */
    public Map<String, byte[]> artifacts() {
        return artifacts;
    }

    public double promotionScore() {
        return promotionScore;
    }

    public TestWindow testWindow() {
        return testWindow;
    }

    public JsonNode config() {
        return config;
    }

    public JsonNode features() {
        return features;
    }

    public JsonNode scaler() {
        return scaler;
    }

    public JsonNode trainingData() {
        return trainingData;
    }

    public JsonNode metrics() {
        return metrics;
    }

    public JsonNode libraries() {
        return libraries;
    }

    public String gitCommit() {
        return gitCommit;
    }

    public static final class Builder {

        private final Map<String, byte[]> artifacts = new LinkedHashMap<>();
        private Double promotionScore;
        private TestWindow testWindow;
        private JsonNode config;
        private JsonNode features;
        private JsonNode scaler;
        private JsonNode trainingData;
        private JsonNode metrics;
        private JsonNode libraries;
        private String gitCommit;

        private Builder() {
        }

        /** Adds an artifact; names are validated ({@link ModelKeys#requireArtifactName}) and must be unique. */
        public Builder artifact(String name, byte[] bytes) {
            ModelKeys.requireArtifactName(name);
            Objects.requireNonNull(bytes, "bytes of " + name);
            if (artifacts.putIfAbsent(name, bytes) != null) {
                throw new IllegalArgumentException("artifact '" + name + "' added twice");
            }
            return this;
        }

        /** Lower is better: the back-test MAE at horizon 1, on {@link #testWindow}. */
        public Builder promotionScore(double score) {
            this.promotionScore = score;
            return this;
        }

        public Builder testWindow(TestWindow window) {
            this.testWindow = window;
            return this;
        }

        public Builder config(Object section) {
            this.config = tree(section);
            return this;
        }

        public Builder features(Object section) {
            this.features = tree(section);
            return this;
        }

        public Builder scaler(Object section) {
            this.scaler = tree(section);
            return this;
        }

        public Builder trainingData(Object section) {
            this.trainingData = tree(section);
            return this;
        }

        public Builder metrics(Object section) {
            this.metrics = tree(section);
            return this;
        }

        public Builder libraries(Object section) {
            this.libraries = tree(section);
            return this;
        }

        public Builder gitCommit(String commit) {
            this.gitCommit = commit;
            return this;
        }

        public ModelDraft build() {
            return new ModelDraft(this);
        }

        private static JsonNode tree(Object section) {
            if (section == null) {
                return null;
            }
            try {
                return MAPPER.readTree(MAPPER.writeValueAsBytes(section));
            } catch (IOException e) {
                throw new UncheckedIOException("manifest section is not serializable to JSON: " + section, e);
            }
        }
    }
}
