package com.klinecast.core.registry;

import static com.klinecast.core.registry.Fixtures.BTC_1D;
import static com.klinecast.core.registry.Fixtures.CLOCK;
import static com.klinecast.core.registry.Fixtures.H1_2025;
import static com.klinecast.core.registry.Fixtures.NOW;
import static com.klinecast.core.registry.Fixtures.draft;
import static com.klinecast.core.registry.Fixtures.get;
import static com.klinecast.core.registry.Fixtures.keys;
import static com.klinecast.core.registry.Fixtures.put;
import static com.klinecast.core.registry.Fixtures.sha256Hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klinecast.core.aws.AwsClients;
import com.klinecast.core.retry.Sleeper;
import com.klinecast.core.series.Series;
import com.klinecast.core.testing.LocalS3;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;

/** Publishing, listing and loading versions against S3Proxy (S3Local). */
class S3ModelRegistryIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final S3Client s3 = LocalS3.client();
    private final String bucket = LocalS3.newBucket(s3);
    private final S3ModelRegistry registry = new S3ModelRegistry(s3, bucket, CLOCK, Sleeper.SYSTEM);

    @Test
    void publishThenLoadRoundTripsArtifactsAndManifest() throws Exception {
        byte[] zip = new byte[200_000];
        new Random(7).nextBytes(zip);
        byte[] weights = "{\"layers\":[[0.25,-1.5]]}".getBytes(StandardCharsets.UTF_8);
        ModelDraft draft = ModelDraft.builder()
                .artifact("model.zip", zip)
                .artifact("weights.json", weights)
                .promotionScore(812.25)
                .testWindow(H1_2025)
                .config(Map.of("hiddenUnits", 64, "epochs", 40))
                .metrics(Map.of("mae", Map.of("h1", 812.25), "naive", Map.of("h1", 905.5)))
                .libraries(Map.of("java", "17"))
                .gitCommit("7af7ff0")
                .build();

        ModelManifest published = registry.publish(BTC_1D, draft);
        LoadedModel loaded = registry.load(BTC_1D, 1);

        assertEquals(1, published.version());
        assertEquals(BTC_1D, published.series());
        assertEquals(NOW, published.createdAt());
        assertEquals(new ModelManifest.Artifact(sha256Hex(zip), zip.length), published.artifact("model.zip"));
        assertEquals(new ModelManifest.Artifact(sha256Hex(weights), weights.length),
                published.artifact("weights.json"));
        assertEquals(published, loaded.manifest());
        assertArrayEquals(zip, loaded.artifact("model.zip"));
        assertArrayEquals(weights, loaded.artifact("weights.json"));
        assertEquals(905.5, loaded.manifest().metrics().at("/naive/h1").doubleValue());
        assertEquals(MAPPER.createObjectNode(), loaded.manifest().scaler(), "an absent section is an empty object");

        JsonNode stored = MAPPER.readTree(get(s3, bucket, "models/BTCUSDT/1d/v000001/manifest.json"));
        assertEquals("BTCUSDT", stored.get("symbol").asText());
        assertEquals("1d", stored.get("interval").asText());
        assertEquals(1, stored.get("version").asInt());
        assertEquals("2025-07-01T00:10:00Z", stored.get("createdAt").asText());
        assertEquals(812.25, stored.get("promotionScore").asDouble());
        assertEquals("2025-01-01T00:00:00Z", stored.at("/testWindow/from").asText());
        assertEquals(sha256Hex(zip), stored.at("/artifacts/model.zip/sha256").asText());
        assertEquals(zip.length, stored.at("/artifacts/model.zip/size").asLong());
        assertEquals("7af7ff0", stored.get("gitCommit").asText());
    }

    @Test
    void versionsAreNumberedV000001V000002InPublishOrder() {
        for (int run = 1; run <= 3; run++) {
            assertEquals(run, registry.publish(BTC_1D, draft("run" + run, 10, H1_2025)).version());
        }

        assertEquals(List.of(1, 2, 3), registry.list(BTC_1D));
        assertEquals(List.of(
                "models/BTCUSDT/1d/v000001/_allocation.json", "models/BTCUSDT/1d/v000001/manifest.json",
                "models/BTCUSDT/1d/v000001/model.zip", "models/BTCUSDT/1d/v000001/weights.json",
                "models/BTCUSDT/1d/v000002/_allocation.json", "models/BTCUSDT/1d/v000002/manifest.json",
                "models/BTCUSDT/1d/v000002/model.zip", "models/BTCUSDT/1d/v000002/weights.json",
                "models/BTCUSDT/1d/v000003/_allocation.json", "models/BTCUSDT/1d/v000003/manifest.json",
                "models/BTCUSDT/1d/v000003/model.zip", "models/BTCUSDT/1d/v000003/weights.json"),
                keys(s3, bucket, "models/"));
        assertArrayEquals("zip of run2".getBytes(StandardCharsets.UTF_8),
                registry.load(BTC_1D, 2).artifact("model.zip"));
    }

    @Test
    void eachSeriesHasItsOwnVersionsEvenWhenOneSymbolPrefixesAnother() {
        Series btcUsd = Series.of("BTCUSD", "1d");
        Series btcHourly = Series.of("BTCUSDT", "1h");
        registry.publish(BTC_1D, draft("a", 10, H1_2025));
        registry.publish(BTC_1D, draft("b", 10, H1_2025));

        assertEquals(1, registry.publish(btcUsd, draft("c", 10, H1_2025)).version());
        assertEquals(1, registry.publish(btcHourly, draft("d", 10, H1_2025)).version());
        assertEquals(List.of(1, 2), registry.list(BTC_1D));
        assertEquals(List.of(1), registry.list(btcUsd));
        assertArrayEquals("zip of c".getBytes(StandardCharsets.UTF_8), registry.load(btcUsd, 1).artifact("model.zip"));
    }

    @Test
    void leftoversOfACrashedPublishAreInvisibleAndTheirNumberIsNotReused() {
        registry.publish(BTC_1D, draft("ok", 10, H1_2025));
        // A run that died after allocating v2 and uploading one artifact: no manifest.
        put(s3, bucket, "models/BTCUSDT/1d/v000002/_allocation.json", "{\"writeId\":\"dead\"}".getBytes());
        put(s3, bucket, "models/BTCUSDT/1d/v000002/model.zip", "half".getBytes());

        assertEquals(List.of(1), registry.list(BTC_1D));
        assertTrue(registry.manifest(BTC_1D, 2).isEmpty());
        assertInstanceOf(ModelNotFoundException.class, assertThrows(RegistryException.class,
                () -> registry.load(BTC_1D, 2)));
        assertEquals(3, registry.publish(BTC_1D, draft("next", 10, H1_2025)).version());
        assertEquals(List.of(1, 3), registry.list(BTC_1D));
    }

    @Test
    void anInterruptedPublishLeavesNoVisibleVersionAndTheChampionUntouched() {
        registry.publish(BTC_1D, draft("v1", 10, H1_2025));
        registry.promoteIfBetter(BTC_1D, 1);
        Champion before = registry.champion(BTC_1D).orElseThrow();
        byte[] aliasBefore = get(s3, bucket, "models/BTCUSDT/1d/champion.json");
        // The second artifact upload of the next publish fails: marker and model.zip are written, weights.json not.
        FailingPuts failure = FailingPuts.nth(2, key -> key.contains("/v000002/") && !key.endsWith("_allocation.json"));
        S3ModelRegistry crashing = new S3ModelRegistry(
                LocalS3.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(failure).build()),
                bucket, CLOCK, Sleeper.SYSTEM);

        RegistryException thrown = assertThrows(RegistryException.class,
                () -> crashing.publish(BTC_1D, draft("v2", 1, H1_2025)));

        assertInstanceOf(FailingPuts.InjectedFailure.class, thrown.getCause());
        assertEquals(List.of(1), registry.list(BTC_1D));
        assertTrue(registry.manifest(BTC_1D, 2).isEmpty());
        assertThrows(ModelNotFoundException.class, () -> registry.load(BTC_1D, 2));
        assertEquals(before, registry.champion(BTC_1D).orElseThrow());
        assertArrayEquals(aliasBefore, get(s3, bucket, "models/BTCUSDT/1d/champion.json"));
        assertEquals(List.of("models/BTCUSDT/1d/v000002/_allocation.json"),
                keys(s3, bucket, "models/BTCUSDT/1d/v000002/"), "the uploaded artifact is cleaned up, the number kept");
        assertEquals(3, registry.publish(BTC_1D, draft("v3", 1, H1_2025)).version());
    }

    @Test
    void aConditionalWriteAppliedButReportedAsFailedIsRecognisedAsThisPublishs() {
        LostResponses lost = new LostResponses(
                key -> key.endsWith("/_allocation.json") || key.endsWith("/manifest.json"));
        S3ModelRegistry flaky = new S3ModelRegistry(
                LocalS3.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(lost).build()),
                bucket, CLOCK, Sleeper.SYSTEM);

        ModelManifest published = flaky.publish(BTC_1D, draft("a", 10, H1_2025));

        assertEquals(2, lost.ambiguous(),
                "the marker's and the manifest's first writes were applied but reported as failed");
        assertEquals(1, published.version(), "v1 is this run's although its marker write came back as a failure");
        assertEquals(List.of(1), registry.list(BTC_1D));
        assertEquals(published, registry.load(BTC_1D, 1).manifest());
        assertEquals(4, keys(s3, bucket, "models/").size());
    }

    @Test
    void aCorruptedArtifactIsDetectedByChecksumOnLoad() {
        registry.publish(BTC_1D, draft("good", 10, H1_2025));
        byte[] bytes = get(s3, bucket, "models/BTCUSDT/1d/v000001/weights.json");
        bytes[3] ^= 0x20;                                     // same size, one bit flipped
        put(s3, bucket, "models/BTCUSDT/1d/v000001/weights.json", bytes);

        CorruptModelException corrupt = assertThrows(CorruptModelException.class, () -> registry.load(BTC_1D, 1));

        assertEquals("weights.json", corrupt.artifact());
        assertEquals(BTC_1D, corrupt.series());
        assertEquals(1, corrupt.version());
        assertTrue(corrupt.getMessage().contains("SHA-256"), corrupt.getMessage());
    }

    @Test
    void aTruncatedOrMissingArtifactIsCorrupt() {
        registry.publish(BTC_1D, draft("good", 10, H1_2025));
        registry.publish(BTC_1D, draft("good", 10, H1_2025));
        put(s3, bucket, "models/BTCUSDT/1d/v000001/model.zip", "zip of".getBytes());
        s3.deleteObject(b -> b.bucket(bucket).key("models/BTCUSDT/1d/v000002/model.zip"));

        assertEquals("model.zip", assertThrows(CorruptModelException.class, () -> registry.load(BTC_1D, 1)).artifact());
        assertEquals("model.zip", assertThrows(CorruptModelException.class, () -> registry.load(BTC_1D, 2)).artifact());
    }

    @Test
    void anUnreadableOrMisplacedManifestIsCorrupt() {
        registry.publish(BTC_1D, draft("one", 10, H1_2025));
        registry.publish(BTC_1D, draft("two", 10, H1_2025));
        // v2's manifest replaced by a copy of v1's: it describes v1, not v2. Then v1's is truncated.
        put(s3, bucket, "models/BTCUSDT/1d/v000002/manifest.json",
                get(s3, bucket, "models/BTCUSDT/1d/v000001/manifest.json"));
        put(s3, bucket, "models/BTCUSDT/1d/v000001/manifest.json", "{\"schema\":1,".getBytes());

        assertEquals(ModelKeys.MANIFEST,
                assertThrows(CorruptModelException.class, () -> registry.load(BTC_1D, 1)).artifact());
        CorruptModelException misplaced = assertThrows(CorruptModelException.class, () -> registry.load(BTC_1D, 2));
        assertTrue(misplaced.getMessage().contains("describes BTCUSDT 1d v000001"), misplaced.getMessage());
    }

    @Test
    void inputsThatReachKeysAreValidatedBeforeAnyRequest() {
        FailingPuts counter = FailingPuts.none();
        S3ModelRegistry counted = new S3ModelRegistry(
                LocalS3.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build()),
                bucket, CLOCK, Sleeper.SYSTEM);

        assertThrows(IllegalArgumentException.class, () -> counted.load(BTC_1D, 0));
        assertThrows(IllegalArgumentException.class, () -> counted.manifest(BTC_1D, -1));
        assertThrows(IllegalArgumentException.class, () -> counted.promote(BTC_1D, 1_000_000));
        assertThrows(IllegalArgumentException.class, () -> counted.promoteIfBetter(BTC_1D, 0));
        assertThrows(IllegalArgumentException.class, () -> counted.load(Series.of("BTC/../ETH", "1d"), 1));
        assertThrows(NullPointerException.class, () -> counted.list(null));

        assertEquals(0, counter.requests());
    }

    @Test
    void aDraftNeedsAValidScoreAndATestWindowButABaselineNeedsNoArtifact() {
        ModelDraft baseline = ModelDraft.builder().promotionScore(1).testWindow(H1_2025).build();
        ModelManifest published = registry.publish(BTC_1D, baseline);
        assertTrue(registry.load(BTC_1D, published.version()).artifacts().isEmpty(), "a manifest and no weights");
        assertThrows(IllegalArgumentException.class, () -> ModelDraft.builder().artifact("m", new byte[1])
                .promotionScore(Double.NaN).testWindow(H1_2025).build());
        assertThrows(IllegalArgumentException.class, () -> ModelDraft.builder().artifact("m", new byte[1])
                .promotionScore(-1).testWindow(H1_2025).build());
        assertThrows(IllegalArgumentException.class, () -> ModelDraft.builder().artifact("m", new byte[1])
                .testWindow(H1_2025).build());
        assertThrows(NullPointerException.class, () -> ModelDraft.builder().artifact("m", new byte[1])
                .promotionScore(1).build());
        assertThrows(IllegalArgumentException.class, () -> ModelDraft.builder().artifact("m", new byte[1])
                .artifact("m", new byte[2]));
        assertThrows(IllegalArgumentException.class,
                () -> TestWindow.parse("2025-06-30T00:00:00Z", "2025-01-01T00:00:00Z"));
    }

    @Test
    void worksThroughTheStandardClientFactoryWithTheEndpointFromASystemProperty() {
        String property = "aws.endpointUrlS3";
        String saved = System.getProperty(property);
        System.setProperty(property, LocalS3.server().endpoint().toString());
        try (S3Client standard = AwsClients.s3()) {
            S3ModelRegistry viaFactory = new S3ModelRegistry(standard, bucket);

            ModelManifest published = viaFactory.publish(BTC_1D, draft("factory", 10, H1_2025));

            assertEquals(published, registry.load(BTC_1D, published.version()).manifest());
        } finally {
            if (saved == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, saved);
            }
        }
    }

    @Test
    void aManifestWithoutGitCommitOrSectionsStillRoundTrips() {
        ModelManifest published = registry.publish(BTC_1D, ModelDraft.builder().artifact("m.bin", new byte[0])
                .promotionScore(0).testWindow(H1_2025).build());

        LoadedModel loaded = registry.load(BTC_1D, published.version());

        assertEquals(published, loaded.manifest());
        assertNull(loaded.manifest().gitCommit());
        assertArrayEquals(new byte[0], loaded.artifact("m.bin"));
    }
}
