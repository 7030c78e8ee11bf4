package com.klinecast.core.registry;

import com.klinecast.core.registry.ChampionLog.Change;
import com.klinecast.core.retry.Sleeper;
import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import com.klinecast.core.text.Figures;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The model registry on S3 (key layout in {@link ModelKeys}): plain objects and S3's conditional writes, no lock,
 * no table, no bucket versioning needed. Versions are kept by {@link VersionStore}, the champion by
 * {@link ChampionLog}, both over the bucket's conditional reads and writes ({@link RegistryObjects}); this class
 * holds the promotion operations' rules.
 *
 * <p>Stateless apart from its client: one instance can serve many threads.
 */
public final class S3ModelRegistry implements ModelRegistry {

    private final S3Client s3;
    private final String bucket;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Target target;
    private final VersionStore versions;
    private final ChampionLog champions;

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
        RegistryObjects objects = new RegistryObjects(s3, bucket, sleeper);
        this.versions = new VersionStore(objects, clock);
        this.champions = new ChampionLog(objects, clock);
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
        return versions.publish(keys(series), draft);
    }

    @Override
    public List<Integer> list(Series series) {
        return versions.list(keys(series));
    }

    @Override
    public Optional<ModelManifest> manifest(Series series, int version) {
        return versions.manifest(keys(series), version);
    }

    @Override
    public LoadedModel load(Series series, int version) {
        return versions.load(keys(series), version);
    }

    // ---------------------------------------------------------------------------------------------- champion

    @Override
    public Optional<Champion> champion(Series series) {
        return champions.champion(keys(series));
    }

    @Override
    public PromotionDecision promoteIfBetter(Series series, int version, Rescorer rescorer) {
        ModelKeys.requireVersion(version);
        ModelManifest candidate = manifest(series, version)
                .orElseThrow(() -> new ModelNotFoundException(series, version));
        String v = ModelKeys.versionName(version);
        String first = v + " (score " + Figures.of(candidate.promotionScore()) + " on " + candidate.testWindow() + ")";
        return againstChampion(series, version, first, (current, champion) -> {
            String c = ModelKeys.versionName(current.version());
            TestWindow window = candidate.testWindow();
            double mine = candidate.promotionScore();
            double theirs = champion.promotionScore();
            String how = "";
            if (!window.equals(champion.testWindow())) {
                theirs = rescorer.score(champion, window);
                if (Double.isNaN(theirs)) {
                    return Change.none("not compared: " + v + " was tested on " + window + ", the champion " + c
                            + " on " + champion.testWindow() + ", and the champion cannot be re-scored fairly on "
                            + v + "'s window, so the champion is kept (promote explicitly to override)");
                }
                how = " (re-scored on this window)";
            }
            if (mine <= theirs) {
                return Change.to(version, ChampionLog.prepend(current),
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
        ModelKeys.requireVersion(version);
        if (manifest(series, version).isEmpty()) {
            throw new ModelNotFoundException(series, version);
        }
        String v = ModelKeys.versionName(version);
        return againstChampion(series, version, v, (current, champion) -> {
            String c = ModelKeys.versionName(current.version());
            Judgement judgement = judge.judge(champion);
            return judgement.promote()
                    ? Change.to(version, ChampionLog.prepend(current), v + " over " + c + ": " + judgement.reason())
                    : Change.none(v + " against champion " + c + ": " + judgement.reason() + "; champion kept");
        });
    }

    /**
     * A promotion judged against the champion: the first champion needs no judging, the champion itself is not
     * promoted again, and a champion without a manifest has nothing to compare with; otherwise {@code compare}
     * decides, given the champion and its manifest.
     */
    private PromotionDecision againstChampion(Series series, int version, String first,
            BiFunction<Champion, ModelManifest, Change> compare) {
        String v = ModelKeys.versionName(version);
        return changeChampion(series, current -> {
            if (current == null) {
                return Change.to(version, List.of(), "first champion of " + series + ": " + first);
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
            return compare.apply(current, champion.get());
        });
    }

    @Override
    public PromotionDecision promote(Series series, int version, String reason) {
        ModelKeys keys = keys(series);
        ModelKeys.requireVersion(version);
        if (!versions.exists(keys, version)) {
            throw new ModelNotFoundException(series, version);
        }
        String v = ModelKeys.versionName(version);
        return changeChampion(series, current -> {
            if (current != null && current.version() == version) {
                return Change.none(v + " is already the champion");
            }
            return Change.to(version, ChampionLog.prepend(current), "promoted by operator" + (current == null ? ""
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
            if (!versions.exists(keys, target)) {
                return Change.none("the previous champion " + t + " has no manifest any more; champion " + c
                        + " kept");
            }
            List<Integer> rest = current.previous().subList(1, current.previous().size());
            return Change.to(target, rest, "rolled back from " + c + " to " + t);
        });
    }

    private PromotionDecision changeChampion(Series series, Function<Champion, Change> decide) {
        return champions.change(keys(series), decide);
    }
}
