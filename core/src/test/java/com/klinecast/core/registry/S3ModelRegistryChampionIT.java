package com.klinecast.core.registry;

import static com.klinecast.core.registry.Fixtures.BTC_1D;
import static com.klinecast.core.registry.Fixtures.CLOCK;
import static com.klinecast.core.registry.Fixtures.H1_2025;
import static com.klinecast.core.registry.Fixtures.H2_2024;
import static com.klinecast.core.registry.Fixtures.NOW;
import static com.klinecast.core.registry.Fixtures.draft;
import static com.klinecast.core.registry.Fixtures.get;
import static com.klinecast.core.registry.Fixtures.keys;
import static com.klinecast.core.registry.Fixtures.put;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.retry.Sleeper;
import com.klinecast.core.series.Target;
import com.klinecast.core.testing.LocalS3;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;

/** The champion alias, the promotion rule, forced promotion and rollback, against S3Proxy (S3Local). */
class S3ModelRegistryChampionIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALIAS = "models/BTCUSDT/1d/champion.json";

    private final S3Client s3 = LocalS3.client();
    private final String bucket = LocalS3.newBucket(s3);
    private final S3ModelRegistry registry = new S3ModelRegistry(s3, bucket, CLOCK, Sleeper.SYSTEM);

    @Test
    void theFirstVersionIsPromoted() throws Exception {
        registry.publish(BTC_1D, draft("a", 900, H1_2025));
        assertTrue(registry.champion(BTC_1D).isEmpty());

        PromotionDecision decision = registry.promoteIfBetter(BTC_1D, 1);

        assertTrue(decision.promoted(), decision.reason());
        assertTrue(decision.reason().startsWith("first champion"), decision.reason());
        assertEquals(new Champion(BTC_1D, 1, 1, NOW, decision.reason(), List.of()), decision.champion());
        assertEquals(decision.champion(), registry.champion(BTC_1D).orElseThrow());
        JsonNode alias = MAPPER.readTree(get(s3, bucket, ALIAS));
        assertEquals(1, alias.get("version").asInt());
        assertEquals("2025-07-01T00:10:00Z", alias.get("promotedAt").asText());
        assertEquals(MAPPER.createArrayNode(), alias.get("previous"));
    }

    @Test
    void aVolumeModelHasItsOwnVersionsAndChampionAndNeverReplacesTheCloseChampion() {
        S3ModelRegistry volumes = registry.forTarget(Target.VOLUME);
        registry.publish(BTC_1D, draft("close", 900, H1_2025));
        registry.promoteIfBetter(BTC_1D, 1);
        // A far lower score: volume errors are on another scale, and must never be compared with price errors.
        volumes.publish(BTC_1D, draft("volume-a", 5, H1_2025));
        volumes.publish(BTC_1D, draft("volume-b", 4, H1_2025));

        PromotionDecision first = volumes.promoteIfBetter(BTC_1D, 1);
        PromotionDecision better = volumes.promoteIfBetter(BTC_1D, 2);

        assertTrue(first.reason().startsWith("first champion"), first.reason());
        assertTrue(better.promoted(), better.reason());
        assertEquals(2, volumes.champion(BTC_1D).orElseThrow().version());
        assertEquals(1, registry.champion(BTC_1D).orElseThrow().version());
        assertEquals(List.of(1), registry.list(BTC_1D));
        assertEquals(List.of(1, 2), volumes.list(BTC_1D));
        assertEquals("close", registry.manifest(BTC_1D, 1).orElseThrow().config().get("run").asText());
        assertEquals("volume-b", volumes.load(BTC_1D, 2).manifest().config().get("run").asText());
        assertEquals(Target.VOLUME, volumes.target());
        assertEquals(registry, registry.forTarget(Target.CLOSE));
        assertEquals(List.of("models/volume/BTCUSDT/1d/champion.json"),
                keys(s3, bucket, "models/volume/").stream().filter(k -> k.endsWith("champion.json")).toList());
        assertEquals(1, volumes.rollback(BTC_1D).champion().version());
        assertEquals(1, registry.champion(BTC_1D).orElseThrow().version());
    }

    @Test
    void theVolatilityChampionNeverMixesWithTheCloseOrVolumeChampions() {
        S3ModelRegistry volumes = registry.forTarget(Target.VOLUME);
        S3ModelRegistry volatility = registry.forTarget(Target.VOLATILITY);
        registry.publish(BTC_1D, draft("close", 900, H1_2025));
        registry.promoteIfBetter(BTC_1D, 1);
        volumes.publish(BTC_1D, draft("volume", 5, H1_2025));
        volumes.promoteIfBetter(BTC_1D, 1);
        volatility.publish(BTC_1D, draft("har-a", 0.4, H1_2025));
        volatility.publish(BTC_1D, draft("har-b", 0.3, H1_2025));

        volatility.promoteIfBetter(BTC_1D, 1);
        PromotionDecision better = volatility.promoteIfBetter(BTC_1D, 2);

        assertTrue(better.promoted(), better.reason());
        assertEquals("har-b", volatility.load(BTC_1D, 2).manifest().config().get("run").asText());
        assertEquals(2, volatility.champion(BTC_1D).orElseThrow().version());
        assertEquals(1, volumes.champion(BTC_1D).orElseThrow().version());
        assertEquals(1, registry.champion(BTC_1D).orElseThrow().version());
        assertEquals(List.of(1), registry.list(BTC_1D));
        assertEquals(List.of(1), volumes.list(BTC_1D));
        assertEquals(List.of("models/volatility/BTCUSDT/1d/champion.json"),
                keys(s3, bucket, "models/volatility/").stream().filter(k -> k.endsWith("champion.json")).toList());
        assertEquals(1, volatility.rollback(BTC_1D).champion().version());
        assertEquals(1, registry.champion(BTC_1D).orElseThrow().version());
        assertEquals(1, volumes.champion(BTC_1D).orElseThrow().version());
    }

    @Test
    void aVersionScoringNoWorseOnTheSameWindowIsPromoted() {
        registry.publish(BTC_1D, draft("a", 900, H1_2025));
        registry.publish(BTC_1D, draft("b", 850, H1_2025));
        registry.publish(BTC_1D, draft("c", 850, H1_2025));
        registry.promoteIfBetter(BTC_1D, 1);

        PromotionDecision better = registry.promoteIfBetter(BTC_1D, 2);
        PromotionDecision equal = registry.promoteIfBetter(BTC_1D, 3);

        assertTrue(better.promoted(), better.reason());
        assertEquals("v000002 scores 850 <= champion v000001's 900 on " + H1_2025, better.reason());
        assertTrue(equal.promoted(), equal.reason());
        assertEquals(3, equal.champion().version());
        assertEquals(List.of(2, 1), equal.champion().previous());
    }

    @Test
    void aWorseVersionIsNotPromoted() {
        registry.publish(BTC_1D, draft("a", 900, H1_2025));
        registry.publish(BTC_1D, draft("b", 950, H1_2025));
        registry.promoteIfBetter(BTC_1D, 1);

        PromotionDecision decision = registry.promoteIfBetter(BTC_1D, 2);

        assertFalse(decision.promoted());
        assertEquals("v000002 scores 950 > champion v000001's 900 on " + H1_2025 + "; champion kept",
                decision.reason());
        assertEquals(1, decision.champion().version());
        assertEquals(1, registry.champion(BTC_1D).orElseThrow().version());
    }

    @Test
    void scoresOnDifferentTestWindowsAreNotComparedAndNothingIsPromoted() {
        registry.publish(BTC_1D, draft("a", 900, H2_2024));
        registry.publish(BTC_1D, draft("b", 10, H1_2025));   // far lower, but on another window
        registry.promoteIfBetter(BTC_1D, 1);

        PromotionDecision decision = registry.promoteIfBetter(BTC_1D, 2);

        assertFalse(decision.promoted());
        assertTrue(decision.reason().startsWith("not compared: v000002 was tested on " + H1_2025
                + ", the champion v000001 on " + H2_2024), decision.reason());
        assertEquals(1, registry.champion(BTC_1D).orElseThrow().version());
    }

    @Test
    void promotingTheChampionAgainChangesNothing() {
        registry.publish(BTC_1D, draft("a", 900, H1_2025));
        registry.promote(BTC_1D, 1);
        byte[] alias = get(s3, bucket, ALIAS);

        assertFalse(registry.promoteIfBetter(BTC_1D, 1).promoted());
        assertFalse(registry.promote(BTC_1D, 1).promoted());
        assertArrayEquals(alias, get(s3, bucket, ALIAS));
        assertEquals(1, registry.champion(BTC_1D).orElseThrow().revision());
    }

    @Test
    void anOperatorCanForceAPromotionWhateverTheScores() {
        registry.publish(BTC_1D, draft("a", 900, H1_2025));
        registry.publish(BTC_1D, draft("b", 5000, H2_2024));
        registry.promoteIfBetter(BTC_1D, 1);

        PromotionDecision forced = registry.promote(BTC_1D, 2);

        assertTrue(forced.promoted());
        assertEquals("promoted by operator over v000001", forced.reason());
        assertEquals(new Champion(BTC_1D, 2, 2, NOW, forced.reason(), List.of(1)),
                registry.champion(BTC_1D).orElseThrow());
    }

    @Test
    void rollbackRestoresThePreviousChampion() throws Exception {
        for (int run = 1; run <= 3; run++) {
            registry.publish(BTC_1D, draft("run" + run, 1000 - run, H1_2025));
            registry.promoteIfBetter(BTC_1D, run);
        }
        assertEquals(List.of(2, 1), registry.champion(BTC_1D).orElseThrow().previous());

        PromotionDecision first = registry.rollback(BTC_1D);

        assertTrue(first.promoted());
        assertEquals("rolled back from v000003 to v000002", first.reason());
        assertEquals(new Champion(BTC_1D, 2, 4, NOW, first.reason(), List.of(1)),
                registry.champion(BTC_1D).orElseThrow());
        JsonNode alias = MAPPER.readTree(get(s3, bucket, ALIAS));
        assertEquals(2, alias.get("version").asInt());
        assertEquals(MAPPER.readTree("[1]"), alias.get("previous"));

        assertEquals(1, registry.rollback(BTC_1D).champion().version());
        PromotionDecision none = registry.rollback(BTC_1D);
        assertFalse(none.promoted());
        assertEquals("the champion v000001 has no previous champion to roll back to", none.reason());
        assertEquals(1, registry.champion(BTC_1D).orElseThrow().version());
    }

    @Test
    void rollbackWithoutAChampionChangesNothing() {
        PromotionDecision decision = registry.rollback(BTC_1D);

        assertFalse(decision.promoted());
        assertNull(decision.champion());
        assertTrue(keys(s3, bucket, "models/").isEmpty());
    }

    @Test
    void anUnpublishedOrInvisibleVersionCannotBePromoted() {
        registry.publish(BTC_1D, draft("a", 900, H1_2025));
        put(s3, bucket, "models/BTCUSDT/1d/v000002/_allocation.json", "{}".getBytes());

        assertThrows(ModelNotFoundException.class, () -> registry.promoteIfBetter(BTC_1D, 2));
        assertThrows(ModelNotFoundException.class, () -> registry.promote(BTC_1D, 7));
        assertTrue(registry.champion(BTC_1D).isEmpty());
    }

    @Test
    void everyChangeIsLoggedAndTheAliasIsTheLogsHead() {
        registry.publish(BTC_1D, draft("a", 900, H1_2025));
        registry.publish(BTC_1D, draft("b", 800, H1_2025));
        registry.promoteIfBetter(BTC_1D, 1);
        registry.promoteIfBetter(BTC_1D, 2);
        registry.rollback(BTC_1D);

        assertEquals(List.of("models/BTCUSDT/1d/champion-log/r000001.json",
                "models/BTCUSDT/1d/champion-log/r000002.json", "models/BTCUSDT/1d/champion-log/r000003.json"),
                keys(s3, bucket, "models/BTCUSDT/1d/champion-log/"));
        assertArrayEquals(get(s3, bucket, "models/BTCUSDT/1d/champion-log/r000003.json"), get(s3, bucket, ALIAS));
        assertEquals(new Champion(BTC_1D, 1, 3, NOW, "rolled back from v000002 to v000001", List.of()),
                registry.champion(BTC_1D).orElseThrow());
    }

    @Test
    void aCommittedChangeWhoseAliasWriteDiedIsSeenByReadersAndRepairedByTheNextChange() {
        registry.publish(BTC_1D, draft("a", 900, H1_2025));
        registry.publish(BTC_1D, draft("b", 800, H1_2025));
        registry.publish(BTC_1D, draft("c", 700, H1_2025));
        registry.promoteIfBetter(BTC_1D, 1);
        byte[] aliasBefore = get(s3, bucket, ALIAS);
        FailingPuts aliasWrite = FailingPuts.nth(1, ALIAS::equals);
        S3ModelRegistry dying = new S3ModelRegistry(
                LocalS3.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(aliasWrite).build()),
                bucket, CLOCK, Sleeper.SYSTEM);

        PromotionDecision committed = dying.promoteIfBetter(BTC_1D, 2);

        assertTrue(committed.promoted(), "the log entry is the commit: " + committed.reason());
        assertTrue(committed.aliasProblem().contains("injected failure"), committed.aliasProblem());
        assertArrayEquals(aliasBefore, get(s3, bucket, ALIAS), "the alias write died");
        assertEquals(2, registry.champion(BTC_1D).orElseThrow().version(), "the change is committed in the log");
        assertFalse(registry.promoteIfBetter(BTC_1D, 2).promoted(), "v2 is already the champion");

        PromotionDecision next = registry.promoteIfBetter(BTC_1D, 3);

        assertTrue(next.promoted(), next.reason());
        assertEquals(List.of(2, 1), next.champion().previous());
        assertArrayEquals(get(s3, bucket, "models/BTCUSDT/1d/champion-log/r000003.json"), get(s3, bucket, ALIAS));
    }

    @Test
    void aPromotionWhoseWritesLostTheirResponsesIsCommittedExactlyOnce() {
        registry.publish(BTC_1D, draft("a", 900, H1_2025));
        LostResponses lost = new LostResponses(key -> key.startsWith("models/BTCUSDT/1d/champion"));
        S3ModelRegistry flaky = new S3ModelRegistry(
                LocalS3.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(lost).build()),
                bucket, CLOCK, Sleeper.SYSTEM);

        PromotionDecision decision = flaky.promoteIfBetter(BTC_1D, 1);

        assertEquals(2, lost.ambiguous(),
                "the log entry's and the alias's first writes were applied but reported as failed");
        assertTrue(decision.promoted(), decision.reason());
        assertEquals(new Champion(BTC_1D, 1, 1, NOW, decision.reason(), List.of()), decision.champion());
        assertEquals(List.of("models/BTCUSDT/1d/champion-log/r000001.json"),
                keys(s3, bucket, "models/BTCUSDT/1d/champion-log/"));
        assertArrayEquals(get(s3, bucket, "models/BTCUSDT/1d/champion-log/r000001.json"), get(s3, bucket, ALIAS));
    }

    @Test
    void aDeletedAliasIsRebuiltFromTheLog() {
        registry.publish(BTC_1D, draft("a", 900, H1_2025));
        registry.publish(BTC_1D, draft("b", 800, H1_2025));
        registry.promoteIfBetter(BTC_1D, 1);
        registry.promoteIfBetter(BTC_1D, 2);
        s3.deleteObject(b -> b.bucket(bucket).key(ALIAS));

        assertEquals(2, registry.champion(BTC_1D).orElseThrow().version());
        PromotionDecision rollback = registry.rollback(BTC_1D);

        assertEquals(new Champion(BTC_1D, 1, 3, NOW, rollback.reason(), List.of()), rollback.champion());
        assertArrayEquals(get(s3, bucket, "models/BTCUSDT/1d/champion-log/r000003.json"), get(s3, bucket, ALIAS));
    }

    @Test
    void aJudgeDecidesAgainstTheCurrentChampionAndItsReasonIsStored() {
        registry.publish(BTC_1D, draft("naive", 900, H1_2025));
        registry.publish(BTC_1D, draft("noise", 850, H1_2025));
        registry.publish(BTC_1D, draft("skill", 950, H1_2025));
        PromotionDecision first = registry.promoteIf(BTC_1D, 1, champion -> {
            throw new AssertionError("a series without a champion needs no judge");
        });

        PromotionDecision noise = registry.promoteIf(BTC_1D, 2,
                champion -> new ModelRegistry.Judgement(false, "p = 0.41 against v" + champion.version()));
        PromotionDecision skill = registry.promoteIf(BTC_1D, 3,
                champion -> new ModelRegistry.Judgement(true, "p = 0.001 against v" + champion.version()));

        assertTrue(first.promoted(), first.reason());
        assertFalse(noise.promoted(), "a lower score is not evidence: " + noise.reason());
        assertTrue(noise.reason().contains("p = 0.41 against v1"), noise.reason());
        assertTrue(skill.promoted(), "the judge, not the score, decides: " + skill.reason());
        assertTrue(registry.champion(BTC_1D).orElseThrow().reason().contains("p = 0.001 against v1"));
        assertEquals(List.of(1), registry.champion(BTC_1D).orElseThrow().previous());
    }

    @Test
    void anOperatorsReasonIsStoredWithTheOverride() {
        registry.publish(BTC_1D, draft("a", 900, H1_2025));
        registry.publish(BTC_1D, draft("b", 950, H1_2025));
        registry.promote(BTC_1D, 1);

        PromotionDecision forced = registry.promote(BTC_1D, 2, "serving b for a demo");

        assertTrue(forced.promoted());
        assertEquals("promoted by operator over v000001: serving b for a demo",
                registry.champion(BTC_1D).orElseThrow().reason());
    }
}
