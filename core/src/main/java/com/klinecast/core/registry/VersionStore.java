package com.klinecast.core.registry;

import com.klinecast.core.series.Series;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A target's model versions on S3: immutable, visible only when complete, never sharing a number.
 *
 * <h2>Publishing a version</h2>
 * <ol>
 *   <li><b>Allocate</b>: list the series' prefix, take the highest {@code v{NNNNNN}} seen + 1, and create
 *       {@code v{n}/_allocation.json} with {@code If-None-Match: *}. A 412 means another run holds {@code n}: try
 *       {@code n + 1}. Exactly one writer can create a key this way, so two runs never share a number.</li>
 *   <li><b>Upload the artifacts</b> under {@code v{n}/}, each with its SHA-256 sent as {@code x-amz-checksum-sha256},
 *       so S3 refuses bytes that differ from the digest the manifest will record.</li>
 *   <li><b>Write {@code manifest.json} last</b> ({@code If-None-Match: *}: a visible version is never rewritten).
 *       Its presence is what makes the version visible: {@link #list} and {@link #load} see only versions with a
 *       manifest. A run that dies before this step leaves an invisible prefix (marker, maybe some artifacts) whose
 *       number is never reused; a failure caught while uploading also deletes the artifacts uploaded. Such
 *       prefixes can be swept by a lifecycle rule; nothing reads them.</li>
 * </ol>
 *
 * <h2>Loading</h2>
 * Every artifact listed in the manifest is read and its size and SHA-256 compared with the manifest's; a mismatch,
 * a missing artifact or an unreadable manifest throws {@link CorruptModelException} naming the artifact.
 *
 * <p>Allocation markers carry a random {@code writeId} and manifests are compared byte for byte, so a conditional
 * PUT retried after a lost response is recognised as this run's own (see {@link RegistryObjects#createOnce}).
 */
final class VersionStore {

    private static final String BYTES = "application/octet-stream";

    private final RegistryObjects objects;
    private final Clock clock;

    VersionStore(RegistryObjects objects, Clock clock) {
        this.objects = objects;
        this.clock = clock;
    }

    ModelManifest publish(ModelKeys keys, ModelDraft draft) {
        Series series = keys.series();
        Objects.requireNonNull(draft, "draft");
        Map<String, ModelManifest.Artifact> entries = new LinkedHashMap<>();
        Map<String, String> base64Digests = new LinkedHashMap<>();
        draft.artifacts().forEach((name, bytes) -> {
            byte[] digest = RegistryObjects.sha256(bytes);
            entries.put(name, new ModelManifest.Artifact(HexFormat.of().formatHex(digest), bytes.length));
            base64Digests.put(name, Base64.getEncoder().encodeToString(digest));
        });

        int version = allocate(keys);

        List<String> uploaded = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> artifact : draft.artifacts().entrySet()) {
                String key = keys.artifact(version, artifact.getKey());
                String digest = base64Digests.get(artifact.getKey());
                objects.s3().putObject(b -> b.bucket(objects.bucket()).key(key).contentType(BYTES)
                        .checksumSHA256(digest), RequestBody.fromBytes(artifact.getValue()));
                uploaded.add(key);
            }
        } catch (RuntimeException e) {
            objects.deleteQuietly(uploaded, e);
            throw new RegistryException(series + " " + ModelKeys.versionName(version) + ": publish failed while "
                    + "uploading artifacts; no manifest was written, so the version stays invisible", e);
        }

        ModelManifest manifest = new ModelManifest(series, version, clock.instant(), entries,
                draft.promotionScore(), draft.testWindow(), draft.config(), draft.features(), draft.scaler(),
                draft.trainingData(), draft.metrics(), draft.libraries(), draft.gitCommit());
        byte[] json = RegistryJson.manifest(manifest);
        if (!objects.createOnce(keys.manifest(version), json, RegistryObjects.JSON,
                existing -> Arrays.equals(existing, json))) {
            // Only possible if something bypassed the allocation marker: never overwrite a visible version.
            throw new RegistryException(series + " " + ModelKeys.versionName(version)
                    + " already has a different manifest; nothing was overwritten");
        }
        return manifest;
    }

    List<Integer> list(ModelKeys keys) {
        return objects.listKeys(keys.prefix()).stream().filter(keys::isManifest)
                .map(key -> keys.versionOf(key).getAsInt()).sorted().toList();
    }

    Optional<ModelManifest> manifest(ModelKeys keys, int version) {
        ModelKeys.requireVersion(version);
        return objects.getBytes(keys.manifest(version)).map(bytes -> parseManifest(keys.series(), version, bytes));
    }

    /** Whether the version is visible, without reading its manifest. */
    boolean exists(ModelKeys keys, int version) {
        return objects.exists(keys.manifest(version));
    }

    LoadedModel load(ModelKeys keys, int version) {
        Series series = keys.series();
        ModelManifest manifest = manifest(keys, version)
                .orElseThrow(() -> new ModelNotFoundException(series, version));
        Map<String, byte[]> artifacts = new LinkedHashMap<>();
        manifest.artifacts().forEach((name, expected) -> {
            String key = keys.artifact(version, name);
            byte[] bytes = objects.getBytes(key).orElseThrow(() ->
                    new CorruptModelException(series, version, name, "listed in the manifest but missing ("
                            + key + ")"));
            String sha256 = HexFormat.of().formatHex(RegistryObjects.sha256(bytes));
            if (bytes.length != expected.size() || !sha256.equals(expected.sha256())) {
                throw new CorruptModelException(series, version, name, "SHA-256 " + sha256 + " (" + bytes.length
                        + " bytes) does not match the manifest's " + expected.sha256() + " (" + expected.size()
                        + " bytes)");
            }
            artifacts.put(name, bytes);
        });
        return new LoadedModel(manifest, artifacts);
    }

    /** Claims the next free version number for this run (step 1 of publishing). */
    private int allocate(ModelKeys keys) {
        int candidate = highestNumber(keys) + 1;
        String writeId = UUID.randomUUID().toString();
        byte[] marker = RegistryJson.allocation(writeId, clock.instant());
        while (true) {
            if (candidate > ModelKeys.MAX_NUMBER) {
                throw new RegistryException(keys.series() + " has no version numbers left (max "
                        + ModelKeys.MAX_NUMBER + ")");
            }
            if (objects.createOnce(keys.allocation(candidate), marker, RegistryObjects.JSON,
                    existing -> writeId.equals(RegistryJson.writeIdOf(existing)))) {
                return candidate;
            }
            candidate++;
        }
    }

    /** The highest version number with any object (marker, artifact or manifest) under the series' prefix. */
    private int highestNumber(ModelKeys keys) {
        return objects.listKeys(keys.prefix()).stream().map(keys::versionOf).filter(v -> v.isPresent())
                .mapToInt(v -> v.getAsInt()).max().orElse(0);
    }

    private static ModelManifest parseManifest(Series series, int version, byte[] bytes) {
        ModelManifest manifest;
        try {
            manifest = RegistryJson.manifest(bytes);
        } catch (RuntimeException e) {
            throw new CorruptModelException(series, version, ModelKeys.MANIFEST, "unreadable: " + e.getMessage(), e);
        }
        if (!manifest.series().equals(series) || manifest.version() != version) {
            throw new CorruptModelException(series, version, ModelKeys.MANIFEST, "it describes " + manifest.series()
                    + " " + ModelKeys.versionName(manifest.version()));
        }
        return manifest;
    }
}
