package com.klinecast.core.registry;

import com.klinecast.core.series.Series;
import com.klinecast.core.series.Target;
import java.util.List;
import java.util.Optional;

/**
 * Versioned, immutable models per series, and the champion each series serves. {@link S3ModelRegistry} is the
 * adapter; this port lets the training job and the predict function be tested with a fake.
 *
 * <p>A registry holds the models of one {@link Target}: close models, unless it was obtained by
 * {@link #forTarget}. Each target's versions and champion are separate, so the close champion is never compared
 * with, or replaced by, a volume model.
 */
public interface ModelRegistry {

    /** The target whose models this registry holds. */
    Target target();

    /** The registry of {@code target}'s models in the same store (this one when it already holds them). */
    ModelRegistry forTarget(Target target);

    /**
     * Publishes a new immutable version: allocates the next number, uploads the artifacts, then the manifest
     * (last). Returns the manifest written. A publish that fails before its manifest is written leaves no visible
     * version (and its number is not reused); if the manifest write itself fails, {@link #list} tells whether the
     * version became visible.
     */
    ModelManifest publish(Series series, ModelDraft draft);

    /** Visible versions (those with a manifest), ascending. */
    List<Integer> list(Series series);

    /** The manifest of a visible version. */
    Optional<ModelManifest> manifest(Series series, int version);

    /**
     * The manifest and every artifact, each verified against the manifest's SHA-256 and size.
     *
     * @throws ModelNotFoundException when the version is not visible
     * @throws CorruptModelException when an artifact (or the manifest) does not match
     */
    LoadedModel load(Series series, int version);

    /** The current champion, if the series has one. */
    Optional<Champion> champion(Series series);

    /**
     * Scores a champion on another version's test window, as that version was scored (its backtest MAE at
     * horizon 1 there), or returns NaN when it cannot be done fairly (the window overlaps the data the champion
     * was fitted or validated on).
     */
    @FunctionalInterface
    interface Rescorer {

        Rescorer NONE = (champion, window) -> Double.NaN;

        double score(ModelManifest champion, TestWindow window);
    }

    /**
     * Makes {@code version} the champion if there is none, or if its promotion score is no worse than the
     * champion's on the same test window. A champion tested on another window is re-scored on the candidate's by
     * {@code rescorer}; when it cannot be, nothing changes, and the decision says so.
     *
     * @throws ModelNotFoundException when the version is not visible
     */
    PromotionDecision promoteIfBetter(Series series, int version, Rescorer rescorer);

    /** {@link #promoteIfBetter(Series, int, Rescorer)} comparing recorded scores on identical windows only. */
    default PromotionDecision promoteIfBetter(Series series, int version) {
        return promoteIfBetter(series, version, Rescorer.NONE);
    }

    /** Whether a version should replace the champion whose manifest it is shown, and why. */
    record Judgement(boolean promote, String reason) {
    }

    /** The evidence a champion change needs, judged against the current champion (never called without one). */
    @FunctionalInterface
    interface Judge {

        Judgement judge(ModelManifest champion);
    }

    /**
     * Makes {@code version} the champion if there is none, or if {@code judge} says so given the current
     * champion; the judge's reason is stored with the change (or returned when nothing changes). A judge may be
     * asked again if a concurrent change wins the race.
     *
     * @throws ModelNotFoundException when the version is not visible
     */
    PromotionDecision promoteIf(Series series, int version, Judge judge);

    /**
     * Operator override: makes {@code version} the champion whatever the scores.
     *
     * @throws ModelNotFoundException when the version is not visible
     */
    default PromotionDecision promote(Series series, int version) {
        return promote(series, version, "");
    }

    /** {@link #promote(Series, int)} with the operator's reason, stored in the champion's record. */
    PromotionDecision promote(Series series, int version, String reason);

    /**
     * Operator override: restores the previous champion (the head of {@link Champion#previous()}), which leaves the
     * list; a second rollback goes one further back. Nothing changes when there is no previous champion.
     */
    PromotionDecision rollback(Series series);
}
