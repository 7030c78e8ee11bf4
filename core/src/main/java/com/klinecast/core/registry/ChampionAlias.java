package com.klinecast.core.registry;

import com.klinecast.core.registry.RegistryJson.ChampionState;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code champion.json} as derived state. The champion log ({@code champion-log/r{n}.json}, each created once) is
 * the record; the alias is a copy of its head for whoever reads one object. Every read follows the log past the
 * alias, and an alias that is missing, unreadable (a truncated write, a full disk) or behind is skipped and rebuilt
 * from the log's head, so no state of the alias can hide the champion or block a change.
 */
final class ChampionAlias {

    /** The log's head (empty when no champion was ever recorded) and whether the alias already holds it. */
    record Head(Optional<ChampionState> state, byte[] bytes, boolean aliasCurrent) {
    }

    private final RegistryObjects objects;

    ChampionAlias(RegistryObjects objects) {
        this.objects = objects;
    }

    /** The committed champion, read past whatever the alias holds. */
    Head read(ModelKeys keys) {
        return head(keys, objects.getObject(keys.champion()));
    }

    /**
     * Brings {@code champion.json} to the log's head, conditionally on the ETag it replaces, and re-reads until it
     * holds the head. Concurrent calls write identical bytes for a revision, so they can only help each other.
     *
     * @throws RuntimeException when the alias cannot be written; the log, and so the champion, is unaffected
     */
    void rebuild(ModelKeys keys) {
        int conflicts = 0;
        while (true) {
            Optional<ResponseBytes<GetObjectResponse>> alias = objects.getObject(keys.champion());
            Head head = head(keys, alias);
            if (head.aliasCurrent()) {
                return;
            }
            try {
                objects.s3().putObject(b -> {
                    b.bucket(objects.bucket()).key(keys.champion()).contentType(RegistryObjects.JSON);
                    if (alias.isPresent()) {
                        b.ifMatch(alias.get().response().eTag());
                    } else {
                        b.ifNoneMatch("*");
                    }
                }, RequestBody.fromBytes(head.bytes()));
                continue;
            } catch (S3Exception e) {
                // 412/409: another writer moved the alias first; 404: it vanished under If-Match. Re-read either way.
                if (e.statusCode() != 412 && e.statusCode() != 409 && e.statusCode() != 404) {
                    throw e;
                }
            } catch (SdkClientException e) {
                // Unknown outcome (e.g. the connection closed on an early 412): re-read.
            }
            if (++conflicts >= RegistryObjects.CONFLICTS.maxAttempts()) {
                throw new RegistryException(keys.series() + ": champion.json still lags its log after " + conflicts
                        + " conflicting writes");
            }
            objects.pause(conflicts);
        }
    }

    private Head head(ModelKeys keys, Optional<ResponseBytes<GetObjectResponse>> alias) {
        Optional<ChampionState> fromAlias = alias.flatMap(a -> readable(keys, a.asByteArray()));
        Optional<ChampionState> state = fromAlias;
        byte[] bytes = alias.isPresent() && fromAlias.isPresent() ? alias.get().asByteArray() : null;
        // Without a usable alias, start near the log's end rather than replaying every entry from the first.
        int revision = fromAlias.map(s -> s.champion().revision()).orElseGet(() -> Math.max(0, lastLogged(keys) - 1));
        while (revision < ModelKeys.MAX_NUMBER) {
            String key = keys.championLog(revision + 1);
            Optional<byte[]> next = objects.getBytes(key);
            if (next.isEmpty()) {
                break;
            }
            revision++;
            state = Optional.of(parse(keys, next.get(), key, revision));
            bytes = next.get();
        }
        boolean current = state.isEmpty() || fromAlias.isPresent()
                && fromAlias.get().champion().revision() == state.get().champion().revision();
        return new Head(state, bytes, current);
    }

    private int lastLogged(ModelKeys keys) {
        return objects.listKeys(keys.championLogPrefix()).stream().map(keys::revisionOf)
                .filter(r -> r.isPresent()).mapToInt(r -> r.getAsInt()).max().orElse(0);
    }

    /** The alias's document if it parses and belongs to this series; anything else is rebuilt, not trusted. */
    private static Optional<ChampionState> readable(ModelKeys keys, byte[] bytes) {
        try {
            return Optional.of(parse(keys, bytes, keys.champion(), 0));
        } catch (RegistryException e) {
            return Optional.empty();
        }
    }

    /** A log entry: created once with its checksum, so one that does not parse is a real fault, and named. */
    private static ChampionState parse(ModelKeys keys, byte[] bytes, String key, int expectedRevision) {
        ChampionState state;
        try {
            state = RegistryJson.champion(bytes);
        } catch (RuntimeException e) {
            throw new RegistryException(key + " is unreadable: " + e.getMessage(), e);
        }
        if (!state.champion().series().equals(keys.series())
                || expectedRevision > 0 && state.champion().revision() != expectedRevision) {
            throw new RegistryException(key + " describes " + state.champion().series() + " revision "
                    + state.champion().revision());
        }
        return state;
    }
}
