package com.klinecast.core.registry;

import com.klinecast.core.registry.RegistryJson.ChampionState;
import com.klinecast.core.retry.Sleeper;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.text.Figures;
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
import java.util.function.Function;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The model registry on S3 (key layout in {@link ModelKeys}). Everything is plain objects and S3's conditional
 * writes; no lock, no table, no bucket versioning needed.
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
 *       number is never reused; a failure the registry can catch while uploading also deletes the artifacts it
 *       uploaded. Such prefixes can be swept by a lifecycle rule; nothing reads them.</li>
 * </ol>
 *
 * <h2>Loading</h2>
 * Every artifact listed in the manifest is read and its size and SHA-256 compared with the manifest's; a mismatch,
 * a missing artifact or an unreadable manifest throws {@link CorruptModelException} naming the artifact.
 *
 * <h2>The champion</h2>
 * {@code champion.json} ({@code version}, {@code promotedAt}, {@code previous} most recent first, plus
 * {@code revision}, {@code reason}) is the alias the predict function reads. The issue asked for it to be updated
 * with {@code If-Match: <etag>} (or {@code If-None-Match: *} when absent), retrying on 412. That alone is not enough
 * against the local stand-in: S3Proxy 4.1.0 answers a stale {@code If-Match} on PutObject with 412, but checks it
 * in its HTTP handler before, and apart from, the store's write (its in-memory and filesystem stores apply only
 * {@code If-None-Match} natively, atomically). Concurrent read-modify-write cycles through it lose updates (measured:
 * 8 threads x 40 increments of one object with {@code If-Match}, 67 to 113 of 320 acknowledged writes lost).
 * {@code If-None-Match: *}, in contrast, is applied by the store itself (a hard link that fails if the key exists):
 * in the same runs, 8 threads racing to create 200 keys never both won a key.
 *
 * <p>So a champion change commits by <b>creating</b> the next entry of an append-only log,
 * {@code champion-log/r{revision}.json}, with {@code If-None-Match: *}: the full new champion document, computed
 * from the current one (revision {@code r}) and claimed as {@code r + 1}. Of concurrent changes based on the same
 * revision exactly one creates {@code r + 1}; the others get 412, re-read and re-decide (a promotion by score is
 * re-compared with the new champion). Then {@code champion.json} is <b>materialized</b> from the log: written with
 * the log entry's exact bytes, with {@code If-Match} of the {@code champion.json} it replaces ({@code If-None-Match}
 * when there is none), and re-read until it is the log's head, so even a write that slips through S3Proxy's
 * non-atomic check is repaired before the call returns. {@link #champion} reads {@code champion.json} and follows the
 * log past it, so readers see every committed change even while (or if, after a crash) the alias lags. The alias is
 * derived state ({@link ChampionAlias}): missing, unreadable or behind, it is skipped and rebuilt from the log's head
 * by the next reader or writer, and a change whose alias write fails is still reported as committed, with the
 * failure in {@link PromotionDecision#aliasProblem()}. On AWS, where {@code If-Match} is atomic, the log costs one
 * small object and a few GETs per change, and doubles as the audit trail of every promotion and rollback. Reading
 * the champion costs one GET more (the 404 past the head).
 *
 * <p>Retried requests: a conditional PUT that the SDK retries after a lost response can be applied once and then
 * answered 412 (the local stack does this by itself now and then: the URL-connection client sometimes fails writing
 * a PUT that S3Proxy has already applied, and the SDK's retry meets the object). Markers and log entries therefore
 * carry a random {@code writeId}, manifests are compared byte for byte, and a 412 (or 409, or a client-side failure)
 * is settled by reading the key back: if it holds our write, the write was ours.
 *
 * <p>Stateless apart from its client: one instance can serve many threads.
 */
public final class S3ModelRegistry implements ModelRegistry {

    private static final String JSON = RegistryObjects.JSON;
    private static final String BYTES = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Target target;
    private final RegistryObjects objects;
    private final ChampionAlias alias;

    /** The close models' registry; {@link #forTarget} gives another target's. */
    public S3ModelRegistry(S3Client s3, String bucket) {
        this(s3, bucket, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    public S3ModelRegistry(S3Client s3, String bucket, Clock clock, Sleeper sleeper) {
        this(s3, bucket, clock, sleeper, Target.CLOSE);
    }

    private S3ModelRegistry(S3Client s3, String bucket, Clock clock, Sleeper sleeper, Target target) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.target = Objects.requireNonNull(target, "target");
        this.objects = new RegistryObjects(s3, bucket, sleeper);
        this.alias = new ChampionAlias(objects);
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public S3ModelRegistry forTarget(Target other) {
        return other == target ? this : new S3ModelRegistry(s3, bucket, clock, sleeper, other);
    }

    /** Every key of the series this registry builds goes through here, so the target is never forgotten. */
    private ModelKeys keys(Series series) {
        return ModelKeys.of(series, target);
    }

    public String bucket() {
        return bucket;
    }

    // ---------------------------------------------------------------------------------------------- versions

    @Override
    public ModelManifest publish(Series series, ModelDraft draft) {
        ModelKeys keys = keys(series);
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
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(BYTES).checksumSHA256(digest),
                        RequestBody.fromBytes(artifact.getValue()));
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
        if (!objects.createOnce(keys.manifest(version), json, JSON, existing -> Arrays.equals(existing, json))) {
            // Only possible if something bypassed the allocation marker: never overwrite a visible version.
            throw new RegistryException(series + " " + ModelKeys.versionName(version)
                    + " already has a different manifest; nothing was overwritten");
        }
        return manifest;
    }

    @Override
    public List<Integer> list(Series series) {
        ModelKeys keys = keys(series);
        return objects.listKeys(keys.prefix()).stream().filter(keys::isManifest)
                .map(key -> keys.versionOf(key).getAsInt()).sorted().toList();
    }

    @Override
    public Optional<ModelManifest> manifest(Series series, int version) {
        ModelKeys keys = keys(series);
        ModelKeys.requireVersion(version);
        return objects.getBytes(keys.manifest(version)).map(bytes -> parseManifest(series, version, bytes));
    }

    @Override
    public LoadedModel load(Series series, int version) {
        ModelKeys keys = keys(series);
        ModelManifest manifest = manifest(series, version)
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
            if (objects.createOnce(keys.allocation(candidate), marker, JSON,
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

    // ---------------------------------------------------------------------------------------------- champion

    @Override
    public Optional<Champion> champion(Series series) {
        return committed(keys(series)).map(ChampionState::champion);
    }

    @Override
    public PromotionDecision promoteIfBetter(Series series, int version, Rescorer rescorer) {
        keys(series);
        ModelKeys.requireVersion(version);
        ModelManifest candidate = manifest(series, version)
                .orElseThrow(() -> new ModelNotFoundException(series, version));
        String v = ModelKeys.versionName(version);
        return changeChampion(series, current -> {
            if (current == null) {
                return Change.to(version, List.of(), "first champion of " + series + ": " + v + " (score "
                        + Figures.of(candidate.promotionScore()) + " on " + candidate.testWindow() + ")");
            }
            String c = ModelKeys.versionName(current.version());
            if (current.version() == version) {
                return Change.none(v + " is already the champion");
            }
            Optional<ModelManifest> champion = manifest(series, current.version());
            if (champion.isEmpty()) {
                return Change.none("the champion " + c + " has no manifest, so there is nothing to compare " + v
                        + " with; promote it explicitly if intended");
            }
            TestWindow window = candidate.testWindow();
            double mine = candidate.promotionScore();
            double theirs = champion.get().promotionScore();
            String how = "";
            if (!window.equals(champion.get().testWindow())) {
                theirs = rescorer.score(champion.get(), window);
                if (Double.isNaN(theirs)) {
                    return Change.none("not compared: " + v + " was tested on " + window + ", the champion " + c
                            + " on " + champion.get().testWindow() + ", and the champion cannot be re-scored fairly on "
                            + v + "'s window, so the champion is kept (promote explicitly to override)");
                }
                how = " (re-scored on this window)";
            }
            if (mine <= theirs) {
                return Change.to(version, prepend(current),
                        v + " scores " + Figures.of(mine) + " <= champion " + c + "'s " + Figures.of(theirs) + how
                                + " on " + window);
            }
            return Change.none(v + " scores " + Figures.of(mine) + " > champion " + c + "'s " + Figures.of(theirs)
                    + how + " on " + window
                    + "; champion kept");
        });
    }

    @Override
    public PromotionDecision promoteIf(Series series, int version, Judge judge) {
        keys(series);
        ModelKeys.requireVersion(version);
        if (manifest(series, version).isEmpty()) {
            throw new ModelNotFoundException(series, version);
        }
        String v = ModelKeys.versionName(version);
        return changeChampion(series, current -> {
            if (current == null) {
                return Change.to(version, List.of(), "first champion of " + series + ": " + v);
            }
            String c = ModelKeys.versionName(current.version());
            if (current.version() == version) {
                return Change.none(v + " is already the champion");
            }
            Optional<ModelManifest> champion = manifest(series, current.version());
            if (champion.isEmpty()) {
                return Change.none("the champion " + c + " has no manifest, so there is nothing to compare " + v
                        + " with; promote it explicitly if intended");
            }
            Judgement judgement = judge.judge(champion.get());
            return judgement.promote()
                    ? Change.to(version, prepend(current), v + " over " + c + ": " + judgement.reason())
                    : Change.none(v + " against champion " + c + ": " + judgement.reason() + "; champion kept");
        });
    }

    @Override
    public PromotionDecision promote(Series series, int version, String reason) {
        ModelKeys keys = keys(series);
        ModelKeys.requireVersion(version);
        if (!objects.exists(keys.manifest(version))) {
            throw new ModelNotFoundException(series, version);
        }
        String v = ModelKeys.versionName(version);
        return changeChampion(series, current -> {
            if (current != null && current.version() == version) {
                return Change.none(v + " is already the champion");
            }
            return Change.to(version, prepend(current), "promoted by operator" + (current == null ? ""
                    : " over " + ModelKeys.versionName(current.version()))
                    + (reason == null || reason.isBlank() ? "" : ": " + reason));
        });
    }

    @Override
    public PromotionDecision rollback(Series series) {
        ModelKeys keys = keys(series);
        return changeChampion(series, current -> {
            if (current == null) {
                return Change.none(series + " has no champion to roll back");
            }
            String c = ModelKeys.versionName(current.version());
            if (current.previous().isEmpty()) {
                return Change.none("the champion " + c + " has no previous champion to roll back to");
            }
            int target = current.previous().get(0);
            String t = ModelKeys.versionName(target);
            if (!objects.exists(keys.manifest(target))) {
                return Change.none("the previous champion " + t + " has no manifest any more; champion " + c
                        + " kept");
            }
            List<Integer> rest = current.previous().subList(1, current.previous().size());
            return Change.to(target, rest, "rolled back from " + c + " to " + t);
        });
    }

    /** What a champion operation decided, given the committed champion (null when there is none). */
    private record Change(boolean changes, int version, List<Integer> previous, String reason) {

        static Change to(int version, List<Integer> previous, String reason) {
            return new Change(true, version, previous, reason);
        }

        static Change none(String reason) {
            return new Change(false, 0, List.of(), reason);
        }
    }

    private static List<Integer> prepend(Champion current) {
        if (current == null) {
            return List.of();
        }
        List<Integer> previous = new ArrayList<>(current.previous().size() + 1);
        previous.add(current.version());
        previous.addAll(current.previous());
        return previous;
    }

    /**
     * Read, decide, commit by creating the next log entry, retry on a lost race. {@code decide} runs again after
     * each lost race, on the champion that won it.
     */
    private PromotionDecision changeChampion(Series series, Function<Champion, Change> decide) {
        ModelKeys keys = keys(series);
        for (int attempt = 1; ; attempt++) {
            Champion current = committed(keys).map(ChampionState::champion).orElse(null);
            Change change = decide.apply(current);
            if (!change.changes()) {
                return new PromotionDecision(false, change.reason(), current);
            }
            int revision = current == null ? 1 : current.revision() + 1;
            String writeId = UUID.randomUUID().toString();
            Champion next = new Champion(series, change.version(), revision, clock.instant(), change.reason(),
                    change.previous());
            byte[] document = RegistryJson.champion(new ChampionState(next, writeId));
            if (objects.createOnce(keys.championLog(revision), document, JSON,
                    existing -> writeId.equals(RegistryJson.writeIdOf(existing)))) {
                return new PromotionDecision(true, change.reason(), next, rebuildAlias(keys));
            }
            if (attempt >= RegistryObjects.CONFLICTS.maxAttempts()) {
                throw new RegistryException(series + ": champion change lost " + attempt
                        + " races in a row to concurrent changes; nothing was changed by this call");
            }
            objects.pause(attempt);
        }
    }

    /** The committed champion; an alias found missing, unreadable or behind is rebuilt on the way. */
    private Optional<ChampionState> committed(ModelKeys keys) {
        ChampionAlias.Head head = alias.read(keys);
        if (!head.aliasCurrent()) {
            // Best effort: a reader may have no write access (the predict function), and the log is the record.
            rebuildAlias(keys);
        }
        return head.state();
    }

    /** Null when the alias holds the log's head afterwards, else what went wrong (the champion is unaffected). */
    private String rebuildAlias(ModelKeys keys) {
        try {
            alias.rebuild(keys);
            return null;
        } catch (RuntimeException e) {
            return "writing the alias " + keys.champion() + " failed (" + e.getMessage() + "); the change is "
                    + "committed in " + keys.championLogPrefix() + " and the next read or change rebuilds the alias";
        }
    }
}
