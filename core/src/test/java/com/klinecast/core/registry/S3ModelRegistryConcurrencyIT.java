package com.klinecast.core.registry;

import static com.klinecast.core.registry.Fixtures.BTC_1D;
import static com.klinecast.core.registry.Fixtures.H1_2025;
import static com.klinecast.core.registry.Fixtures.draft;
import static com.klinecast.core.registry.Fixtures.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinecast.core.retry.Sleeper;
import com.klinecast.core.testing.LocalS3;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Concurrent training runs and promotions on one series, each thread with its own registry (as separate
 * containers would have), started together. Run on a plain bucket and on a versioned one: S3Proxy's versioned
 * store briefly hides an object while it is overwritten, which the protocol must tolerate too.
 */
class S3ModelRegistryConcurrencyIT {

    private static final int THREADS = 4;
    private static final String ALIAS = "models/BTCUSDT/1d/champion.json";

    private final S3Client s3 = LocalS3.client();

    @ParameterizedTest(name = "versioned bucket: {0}")
    @ValueSource(booleans = {false, true})
    void concurrentPublishesGetDistinctVersionsAndNoneIsLostOrOverwritten(boolean versioned) throws Exception {
        String bucket = bucket(versioned);
        int perThread = 3;

        List<List<ModelManifest>> published = concurrently(thread -> () -> {
            S3ModelRegistry registry = registry(bucket);
            List<ModelManifest> mine = new ArrayList<>();
            for (int run = 0; run < perThread; run++) {
                mine.add(registry.publish(BTC_1D, draft("t" + thread + "r" + run, 10 + thread, H1_2025)));
            }
            return mine;
        });

        S3ModelRegistry reader = registry(bucket);
        Set<Integer> versions = new TreeSet<>();
        for (int thread = 0; thread < THREADS; thread++) {
            for (int run = 0; run < perThread; run++) {
                ModelManifest manifest = published.get(thread).get(run);
                assertTrue(versions.add(manifest.version()), "version " + manifest.version() + " handed out twice");
                LoadedModel loaded = reader.load(BTC_1D, manifest.version());
                assertEquals(manifest, loaded.manifest());
                assertArrayEquals(("zip of t" + thread + "r" + run).getBytes(StandardCharsets.UTF_8),
                        loaded.artifact("model.zip"), "v" + manifest.version() + " holds another run's bytes");
            }
        }
        List<Integer> all = IntStream.rangeClosed(1, THREADS * perThread).boxed().toList();
        assertEquals(all, List.copyOf(versions));
        assertEquals(all, reader.list(BTC_1D));
    }

    @ParameterizedTest(name = "versioned bucket: {0}")
    @ValueSource(booleans = {false, true})
    void concurrentPromotionsEndWithOneConsistentChampionAndACorrectPreviousList(boolean versioned)
            throws Exception {
        String bucket = bucket(versioned);
        S3ModelRegistry setup = registry(bucket);
        for (int v = 1; v <= THREADS; v++) {
            setup.publish(BTC_1D, draft("v" + v, 100, H1_2025));
        }

        List<PromotionDecision> decisions = concurrently(thread -> () -> registry(bucket).promote(BTC_1D, thread + 1));

        Set<Integer> revisions = new TreeSet<>();
        for (PromotionDecision decision : decisions) {
            assertTrue(decision.promoted(), decision.reason());
            revisions.add(decision.champion().revision());
        }
        assertEquals(Set.of(1, 2, 3, 4), revisions, "each promotion committed its own revision");
        Champion champion = setup.champion(BTC_1D).orElseThrow();
        assertEquals(THREADS, champion.revision());
        List<Integer> history = new ArrayList<>(champion.previous());
        history.add(0, champion.version());
        List<Integer> sorted = new ArrayList<>(history);
        Collections.sort(sorted);
        assertEquals(List.of(1, 2, 3, 4), sorted, "no promotion lost, none counted twice: " + history);
        assertLogIsAChain(bucket, champion);
        assertArrayEquals(get(s3, bucket, "models/BTCUSDT/1d/champion-log/r000004.json"), get(s3, bucket, ALIAS),
                "champion.json is the log's head once every promotion has returned");
    }

    @ParameterizedTest(name = "versioned bucket: {0}")
    @ValueSource(booleans = {false, true})
    void concurrentPromoteIfBetterAlwaysEndsWithTheBestVersion(boolean versioned) throws Exception {
        String bucket = bucket(versioned);
        S3ModelRegistry setup = registry(bucket);
        double[] scores = {400, 300, 200, 100};    // v4 is the best
        for (double score : scores) {
            setup.publish(BTC_1D, draft("s" + score, score, H1_2025));
        }

        concurrently(thread -> () -> registry(bucket).promoteIfBetter(BTC_1D, thread + 1));

        Champion champion = setup.champion(BTC_1D).orElseThrow();
        assertEquals(4, champion.version());
        List<Integer> history = new ArrayList<>(champion.previous());
        history.add(0, champion.version());
        for (int i = 1; i < history.size(); i++) {
            assertTrue(scores[history.get(i - 1) - 1] <= scores[history.get(i) - 1],
                    "each promotion was no worse than the champion it replaced: " + history);
        }
        assertLogIsAChain(bucket, champion);
        assertArrayEquals(get(s3, bucket, "models/BTCUSDT/1d/champion-log/r"
                + String.format("%06d", champion.revision()) + ".json"), get(s3, bucket, ALIAS));
    }

    @ParameterizedTest(name = "versioned bucket: {0}")
    @ValueSource(booleans = {false, true})
    void fourTrainingRunsPublishingAndPromotingAtOnceGetFourVersionsAndTheBestIsTheOneChampion(boolean versioned)
            throws Exception {
        String bucket = bucket(versioned);
        double[] scores = {300, 100, 400, 200};    // run 1's model is the best

        // Each run does what TrainingJob does once trained: publish, then promote by the rule.
        List<PromotionDecision> decisions = concurrently(thread -> () -> {
            S3ModelRegistry registry = registry(bucket);
            ModelManifest manifest = registry.publish(BTC_1D, draft("run" + thread, scores[thread], H1_2025));
            return registry.promoteIfBetter(BTC_1D, manifest.version());
        });

        S3ModelRegistry reader = registry(bucket);
        assertEquals(List.of(1, 2, 3, 4), reader.list(BTC_1D), "four distinct versions");
        int best = -1;
        for (int version = 1; version <= THREADS; version++) {
            LoadedModel loaded = reader.load(BTC_1D, version);
            String run = loaded.manifest().config().get("run").asText();
            assertArrayEquals(("zip of " + run).getBytes(StandardCharsets.UTF_8), loaded.artifact("model.zip"),
                    "v" + version + " holds its own run's bytes");
            if (run.equals("run1")) {
                best = version;
            }
        }
        Champion champion = reader.champion(BTC_1D).orElseThrow();
        assertEquals(best, champion.version(), "the best-scoring version is the champion");
        assertTrue(decisions.stream().anyMatch(d -> d.promoted() && d.champion().version() == champion.version()));
        List<Integer> history = new ArrayList<>(champion.previous());
        history.add(0, champion.version());
        for (int i = 1; i < history.size(); i++) {
            double newer = reader.manifest(BTC_1D, history.get(i - 1)).orElseThrow().promotionScore();
            double older = reader.manifest(BTC_1D, history.get(i)).orElseThrow().promotionScore();
            assertTrue(newer <= older, "each promotion was no worse than the champion it replaced: " + history);
        }
        assertLogIsAChain(bucket, champion);
        assertArrayEquals(get(s3, bucket, "models/BTCUSDT/1d/champion-log/r"
                + String.format("%06d", champion.revision()) + ".json"), get(s3, bucket, ALIAS),
                "one champion: champion.json is the log's head");
    }

    /** Every log entry was computed from the one before: its previous list is that entry's version + previous. */
    private void assertLogIsAChain(String bucket, Champion head) {
        Champion later = RegistryJson.champion(get(s3, bucket, "models/BTCUSDT/1d/champion-log/r"
                + String.format("%06d", head.revision()) + ".json")).champion();
        assertEquals(head, later);
        for (int r = head.revision() - 1; r >= 1; r--) {
            Champion earlier = RegistryJson.champion(get(s3, bucket,
                    "models/BTCUSDT/1d/champion-log/r" + String.format("%06d", r) + ".json")).champion();
            List<Integer> expected = new ArrayList<>(earlier.previous());
            expected.add(0, earlier.version());
            assertEquals(expected, later.previous(), "revision " + (r + 1) + " was not based on revision " + r);
            later = earlier;
        }
    }

    private String bucket(boolean versioned) {
        return versioned ? LocalS3.newVersionedBucket(s3) : LocalS3.newBucket(s3);
    }

    private S3ModelRegistry registry(String bucket) {
        return new S3ModelRegistry(s3, bucket, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /** Runs one task per thread, all released at once; returns their results in thread order. */
    private static <T> List<T> concurrently(IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                Callable<T> work = task.apply(thread);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
