package com.klinecast.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.klinecast.core.series.Series;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A version's {@code manifest.json}: what was trained, on what, how well, and the SHA-256 and size of every
 * artifact. It is written last and never rewritten, so its presence is what makes a version visible and its
 * checksums are what {@link ModelRegistry#load} verifies.
 * A baseline version (naive, drift) learns no weights, so it has no artifacts.
 *
 * <p>The registry interprets only the identity fields, the artifacts, {@link #promotionScore()} (lower is better:
 * the back-test MAE at horizon 1) and {@link #testWindow()}. The other sections are free-form JSON filled by the
 * training job, so the registry depends on no training class: {@code config} (hyper-parameters), {@code features}
 * (feature set and version, window), {@code scaler}, {@code trainingData} (series range, candle count),
 * {@code metrics} (every metric, including the naive baseline's), {@code libraries} (library versions) and
 * {@code gitCommit} (may be null). A missing section is an empty object. The record keeps private copies of the
 * sections it is given; treat the nodes its accessors return as read-only.
 *
 * <p>JSON form (schema {@value #SCHEMA}); unknown top-level fields are refused on read, so a newer format cannot
 * half-load:
 * <pre>
 * {"schema":1, "symbol":"BTCUSDT", "interval":"1d", "version":3, "createdAt":"2025-07-01T00:10:00Z",
 *  "promotionScore":812.5, "testWindow":{"from":"2025-01-01T00:00:00Z","to":"2025-06-30T00:00:00Z"},
 *  "artifacts":{"model.zip":{"sha256":"9f86d0...","size":1048576}},
 *  "config":{...}, "features":{...}, "scaler":{...}, "trainingData":{...}, "metrics":{...}, "libraries":{...},
 *  "gitCommit":"1a2b3c4"}
 * </pre>
 */
public record ModelManifest(
        Series series,
        int version,
        Instant createdAt,
        Map<String, Artifact> artifacts,
        double promotionScore,
        TestWindow testWindow,
        JsonNode config,
        JsonNode features,
        JsonNode scaler,
        JsonNode trainingData,
        JsonNode metrics,
        JsonNode libraries,
        String gitCommit) {

    public static final int SCHEMA = 1;

    /** One artifact's checksum (lower-case hex SHA-256 of its bytes) and size in bytes. */
    public record Artifact(String sha256, long size) {

        private static final Pattern HEX_SHA256 = Pattern.compile("^[0-9a-f]{64}$");

        public Artifact {
            if (sha256 == null || !HEX_SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
            }
            if (size < 0) {
                throw new IllegalArgumentException("negative artifact size " + size);
            }
        }
    }

    public ModelManifest {
        Objects.requireNonNull(series, "series");
        ModelKeys.requireVersion(version);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(artifacts, "artifacts");
        artifacts.keySet().forEach(ModelKeys::requireArtifactName);
        artifacts = Collections.unmodifiableMap(new TreeMap<>(artifacts));
        requireScore(promotionScore);
        Objects.requireNonNull(testWindow, "testWindow");
        config = section(config);
        features = section(features);
        scaler = section(scaler);
        trainingData = section(trainingData);
        metrics = section(metrics);
        libraries = section(libraries);
    }

    /** The artifact's entry; throws when the manifest has no such artifact. */
    public Artifact artifact(String name) {
        Artifact artifact = artifacts.get(name);
        if (artifact == null) {
            throw new IllegalArgumentException(series + " " + ModelKeys.versionName(version) + " has no artifact '"
                    + name + "'; it has " + artifacts.keySet());
        }
        return artifact;
    }

    static double requireScore(double score) {
        if (!Double.isFinite(score) || score < 0) {
            throw new IllegalArgumentException("promotionScore must be a finite, non-negative error (the back-test "
                    + "MAE at horizon 1; lower is better), got " + score);
        }
        return score;
    }

    /** JSON nodes are mutable: keep a private copy, so the record stays a value. */
    private static JsonNode section(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? JsonNodeFactory.instance.objectNode()
                : node.deepCopy();
    }
}
