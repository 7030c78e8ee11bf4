package com.klinecast.core.registry;

import com.klinecast.core.registry.RegistryJson.ChampionState;
import com.klinecast.core.series.Series;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A target's champion: an append-only log on S3 and the alias derived from it.
 *
 * <p>{@code champion.json} ({@code version}, {@code promotedAt}, {@code previous} most recent first, plus
 * {@code revision}, {@code reason}) is the alias the predict function reads. It is not updated in place with
 * {@code If-Match}, because the local stand-in does not apply that atomically: S3Proxy 4.1.0 answers a stale
 * {@code If-Match} on PutObject with 412, but checks it in its HTTP handler apart from the store's write, so
 * concurrent read-modify-write cycles through it lose updates (measured: 8 threads x 40 increments of one object
 * with {@code If-Match}, 67 to 113 of 320 acknowledged writes lost). {@code If-None-Match: *} is applied by the store
 * itself (a hard link that fails if the key exists): in the same runs, 8 threads racing to create 200 keys never
 * both won a key.
 *
 * <p>So a champion change commits by <b>creating</b> the next entry of the log, {@code champion-log/r{revision}.json},
 * with {@code If-None-Match: *}: the full new champion document, computed from the current one (revision {@code r})
 * and claimed as {@code r + 1}. Of concurrent changes based on the same revision exactly one creates {@code r + 1};
 * the others get 412, re-read and re-decide (a promotion by score is re-compared with the new champion). Then the
 * alias is <b>materialized</b> from the log ({@link ChampionAlias}): missing, unreadable or behind, it is skipped and
 * rebuilt from the log's head by the next reader or writer, and a change whose alias write fails is still reported
 * as committed, with the failure in {@link PromotionDecision#aliasProblem()}. On AWS, where {@code If-Match} is
 * atomic, the log costs one small object and a few GETs per change, and doubles as the audit trail of every
 * promotion and rollback. Reading the champion costs one GET more (the 404 past the head).
 *
 * <p>Log entries carry a random {@code writeId}, so a create retried after a lost response is recognised as ours.
 */
final class ChampionLog {

    private final RegistryObjects objects;
    private final ChampionAlias alias;
    private final Clock clock;

    ChampionLog(RegistryObjects objects, Clock clock) {
        this.objects = objects;
        this.alias = new ChampionAlias(objects);
        this.clock = clock;
    }

    /** What a champion operation decided, given the committed champion (null when there is none). */
    record Change(boolean changes, int version, List<Integer> previous, String reason) {

        static Change to(int version, List<Integer> previous, String reason) {
            return new Change(true, version, previous, reason);
        }

        static Change none(String reason) {
            return new Change(false, 0, List.of(), reason);
        }
    }

    /** The current champion followed by its predecessors, most recent first: the new champion's {@code previous}. */
    static List<Integer> prepend(Champion current) {
        if (current == null) {
            return List.of();
        }
        List<Integer> previous = new ArrayList<>(current.previous().size() + 1);
        previous.add(current.version());
        previous.addAll(current.previous());
        return previous;
    }

    Optional<Champion> champion(ModelKeys keys) {
        return committed(keys).map(ChampionState::champion);
    }

    /**
     * Read, decide, commit by creating the next log entry, retry on a lost race. {@code decide} runs again after
     * each lost race, on the champion that won it.
     */
    PromotionDecision change(ModelKeys keys, Function<Champion, Change> decide) {
        Series series = keys.series();
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
            if (objects.createOnce(keys.championLog(revision), document, RegistryObjects.JSON,
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
