package com.klinecast.core.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.klinecast.core.series.Series;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Drafts and raw-S3 helpers shared by the registry tests. */
final class Fixtures {

    static final Series BTC_1D = Series.of("BTCUSDT", "1d");
    static final TestWindow H1_2025 = TestWindow.parse("2025-01-01T00:00:00Z", "2025-06-30T00:00:00Z");
    static final TestWindow H2_2024 = TestWindow.parse("2024-07-01T00:00:00Z", "2024-12-31T00:00:00Z");
    static final Instant NOW = Instant.parse("2025-07-01T00:10:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /** A two-artifact draft whose bytes and sections name {@code tag}, so a test can tell runs apart. */
    static ModelDraft draft(String tag, double score, TestWindow window) {
        ObjectNode metrics = MAPPER.createObjectNode();
        metrics.putObject("mae").put("h1", score).put("h7", score * 2.5);
        metrics.putObject("naive").put("h1", score * 1.2).put("h7", score * 2.9);
        return ModelDraft.builder()
                .artifact("model.zip", ("zip of " + tag).getBytes(StandardCharsets.UTF_8))
                .artifact("weights.json", ("{\"run\":\"" + tag + "\"}").getBytes(StandardCharsets.UTF_8))
                .promotionScore(score)
                .testWindow(window)
                .config(Map.of("run", tag, "hiddenUnits", 64, "epochs", 40, "learningRate", 0.001))
                .features(Map.of("featureSetVersion", 1, "window", 30, "columns", List.of("logReturn", "rsi14")))
                .scaler(Map.of("type", "zscore", "mean", List.of(0.0012, 51.3), "std", List.of(0.034, 11.9)))
                .trainingData(Map.of("from", "2017-08-17T00:00:00Z", "to", "2024-12-31T00:00:00Z", "candles", 2694))
                .metrics(metrics)
                .libraries(Map.of("java", "17", "deeplearning4j", "1.0.0-M2.1"))
                .gitCommit("7af7ff0")
                .build();
    }

    static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] get(S3Client s3, String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    static void put(S3Client s3, String bucket, String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    static List<String> keys(S3Client s3, String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }
}
