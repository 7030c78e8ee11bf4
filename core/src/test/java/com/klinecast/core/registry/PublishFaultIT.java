package com.klinecast.core.registry;

import static com.klinecast.core.registry.Fixtures.BTC_1D;
import static com.klinecast.core.registry.Fixtures.CLOCK;
import static com.klinecast.core.registry.Fixtures.H1_2025;
import static com.klinecast.core.registry.Fixtures.draft;
import static com.klinecast.core.registry.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.retry.Sleeper;
import com.klinecast.core.testing.InjectedFaults;
import com.klinecast.core.testing.LocalS3;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A training run's publish and promotion (what {@code TrainingJob} does after training: {@code publish}, then
 * {@code promoteIfBetter}) losing S3 at each of its HTTP attempts in turn, through the SDK (its retry policy in
 * place) against S3Proxy: from that attempt on, every request fails (500 or a time-out, not applied; or applied with
 * its response lost). Whatever the attempt, the new version is invisible unless its manifest was written, a visible
 * version is complete, the champion is unchanged or the new version, and always loads with its checksums; a retry
 * of the run then publishes and promotes cleanly.
 */
class PublishFaultIT {

    private static final String ALIAS = "models/BTCUSDT/1d/champion.json";
    private static final String MANIFEST_PUT = "PutObjectRequest models/BTCUSDT/1d/v000002/manifest.json";

    private final S3Client s3 = LocalS3.client();

    @Test
    void aRunThatLosesS3AtAnyCallLeavesNoIncompleteVersionAndNoBadChampionAndARetryPublishes() {
        InjectedFaults counting = InjectedFaults.none();
        String reference = bucketWithChampion();
        publishAndPromote(registry(reference, counting));
        List<String> calls = counting.log();
        int manifestAttempt = calls.indexOf(MANIFEST_PUT) + 1;
        assertTrue(manifestAttempt > 1 && calls.size() > manifestAttempt, calls.toString());
        InjectedFaults.Kind[] kinds = {InjectedFaults.Kind.SERVER_ERROR, InjectedFaults.Kind.TIMEOUT,
                InjectedFaults.Kind.RESPONSE_LOST};

        for (int attempt = 1; attempt <= calls.size(); attempt++) {
            InjectedFaults.Kind kind = kinds[attempt % kinds.length];
            String where = kind + " from attempt " + attempt + " (" + calls.get(attempt - 1) + ")";
            String bucket = bucketWithChampion();
            S3ModelRegistry healthy = registry(bucket, InjectedFaults.none());
            Champion before = healthy.champion(BTC_1D).orElseThrow();
            byte[] aliasBefore = get(s3, bucket, ALIAS);

            InjectedFaults faults = InjectedFaults.fromNth(attempt, kind);
            try {
                publishAndPromote(registry(bucket, faults));
            } catch (RuntimeException expected) {
                // The run died; what it left is checked below.
            }

            List<Integer> visible = healthy.list(BTC_1D);
            if (kind != InjectedFaults.Kind.RESPONSE_LOST) {
                // From this run's own log: the stand-in now and then makes the SDK retry, which shifts the numbering.
                List<String> sent = faults.log().subList(0, Math.min(attempt - 1, faults.log().size()));
                assertEquals(sent.contains(MANIFEST_PUT) ? List.of(1, 2) : List.of(1), visible,
                        where + ": visible exactly when its manifest was written");
            }
            visible.forEach(v -> healthy.load(BTC_1D, v));
            Champion champion = healthy.champion(BTC_1D).orElseThrow();
            if (champion.version() == 1) {
                assertEquals(before, champion, where);
                if (!visible.contains(2)) {
                    assertArrayEquals(aliasBefore, get(s3, bucket, ALIAS), where + ": the alias is untouched");
                }
            } else {
                assertEquals(2, champion.version(), where);
                assertTrue(visible.contains(2), where + ": the champion is a visible version");
            }
            healthy.load(BTC_1D, champion.version());

            ModelManifest retried = publishAndPromote(healthy);

            assertEquals(retried, healthy.load(BTC_1D, retried.version()).manifest(), where);
            assertEquals(retried.version(), healthy.champion(BTC_1D).orElseThrow().version(),
                    where + ": the retry is promoted by the rule (50 <= 100, or 50 <= 50)");
            assertTrue(healthy.list(BTC_1D).contains(retried.version()), where);
        }
    }

    /** A bucket whose series has v1 (score 100) as champion. */
    private String bucketWithChampion() {
        String bucket = LocalS3.newBucket(s3);
        S3ModelRegistry setup = registry(bucket, InjectedFaults.none());
        setup.publish(BTC_1D, draft("v1", 100, H1_2025));
        setup.promoteIfBetter(BTC_1D, 1);
        return bucket;
    }

    /** The training job's last steps: publish the new model, then promote it only by the rule. */
    private static ModelManifest publishAndPromote(S3ModelRegistry registry) {
        ModelManifest manifest = registry.publish(BTC_1D, draft("better", 50, H1_2025));
        registry.promoteIfBetter(BTC_1D, manifest.version());
        return manifest;
    }

    private static S3ModelRegistry registry(String bucket, InjectedFaults faults) {
        return new S3ModelRegistry(LocalS3.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(faults)
                .build()), bucket, CLOCK, Sleeper.SYSTEM);
    }
}
