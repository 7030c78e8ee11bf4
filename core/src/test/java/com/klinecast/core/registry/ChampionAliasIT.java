package com.klinecast.core.registry;

import static com.klinecast.core.registry.Fixtures.BTC_1D;
import static com.klinecast.core.registry.Fixtures.CLOCK;
import static com.klinecast.core.registry.Fixtures.H1_2025;
import static com.klinecast.core.registry.Fixtures.draft;
import static com.klinecast.core.registry.Fixtures.get;
import static com.klinecast.core.registry.Fixtures.put;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.retry.Sleeper;
import com.klinecast.core.testing.LocalS3;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;

/** champion.json is derived from the champion log: whatever state it is found in, the log's head wins and heals it. */
class ChampionAliasIT {

    private static final String ALIAS = "models/BTCUSDT/1d/champion.json";
    private static final String LOG = "models/BTCUSDT/1d/champion-log/";

    private final S3Client s3 = LocalS3.client();
    private final String bucket = LocalS3.newBucket(s3);
    private final S3ModelRegistry registry = new S3ModelRegistry(s3, bucket, CLOCK, Sleeper.SYSTEM);

    @BeforeEach
    void twoChampions() {
        registry.publish(BTC_1D, draft("a", 900, H1_2025));
        registry.publish(BTC_1D, draft("b", 800, H1_2025));
        registry.publish(BTC_1D, draft("c", 700, H1_2025));
        registry.promoteIfBetter(BTC_1D, 1);
        registry.promoteIfBetter(BTC_1D, 2);
    }

    @Test
    void aTruncatedAliasIsReadPastAndRebuiltFromTheLogByAReader() {
        byte[] alias = get(s3, bucket, ALIAS);
        put(s3, bucket, ALIAS, Arrays.copyOf(alias, alias.length / 2));

        Champion champion = registry.champion(BTC_1D).orElseThrow();

        assertEquals(2, champion.version());
        assertEquals(List.of(1), champion.previous());
        assertArrayEquals(get(s3, bucket, LOG + "r000002.json"), get(s3, bucket, ALIAS), "rebuilt by the reader");
    }

    @Test
    void aTruncatedAliasNeitherBlocksNorLosesAChange() {
        byte[] alias = get(s3, bucket, ALIAS);
        put(s3, bucket, ALIAS, Arrays.copyOf(alias, 11));

        PromotionDecision next = registry.promoteIfBetter(BTC_1D, 3);

        assertTrue(next.promoted(), next.reason());
        assertEquals(3, next.champion().revision());
        assertEquals(List.of(2, 1), next.champion().previous());
        assertNull(next.aliasProblem());
        assertArrayEquals(get(s3, bucket, LOG + "r000003.json"), get(s3, bucket, ALIAS));
    }

    @Test
    void anEmptyOrForeignAliasIsRebuiltToo() {
        put(s3, bucket, ALIAS, new byte[0]);
        assertEquals(2, registry.champion(BTC_1D).orElseThrow().version());
        assertArrayEquals(get(s3, bucket, LOG + "r000002.json"), get(s3, bucket, ALIAS));

        put(s3, bucket, ALIAS, "{\"not\": \"a champion\"}".getBytes());
        PromotionDecision back = registry.rollback(BTC_1D);
        assertEquals(1, back.champion().version());
        assertEquals(3, back.champion().revision());
        assertArrayEquals(get(s3, bucket, LOG + "r000003.json"), get(s3, bucket, ALIAS));
    }

    @Test
    void anAliasBehindTheLogIsCaughtUpByAReader() {
        put(s3, bucket, ALIAS, get(s3, bucket, LOG + "r000001.json"));

        assertEquals(2, registry.champion(BTC_1D).orElseThrow().version());
        assertArrayEquals(get(s3, bucket, LOG + "r000002.json"), get(s3, bucket, ALIAS));
    }

    @Test
    void aChangeWhoseAliasWriteFailsIsReportedCommittedWithWhatDidNotWork() {
        FailingPuts aliasWrite = FailingPuts.nth(1, ALIAS::equals);
        S3ModelRegistry failing = new S3ModelRegistry(
                LocalS3.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(aliasWrite).build()),
                bucket, CLOCK, Sleeper.SYSTEM);

        PromotionDecision decision = failing.promoteIfBetter(BTC_1D, 3);

        assertTrue(decision.promoted(), decision.reason());
        assertEquals(3, decision.champion().version());
        assertTrue(decision.aliasProblem().startsWith("writing the alias " + ALIAS + " failed (injected failure"),
                decision.aliasProblem());
        assertEquals(3, registry.champion(BTC_1D).orElseThrow().version(), "committed in the log");
        assertArrayEquals(get(s3, bucket, LOG + "r000003.json"), get(s3, bucket, ALIAS), "and rebuilt by a reader");
    }
}
